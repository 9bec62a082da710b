package dev.imps.controller.it.support;

import dev.imps.testsupport.process.LoggedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the operator as separate JVMs for one test, as users start it ({@code java -jar imps.jar},
 * or the main class on the test classpath when the jar is not built), so a test can kill one with
 * SIGKILL; and stops every one of them after the test (SIGTERM, by force after 20 s), whether it
 * passed, failed or stopped them itself. Their logs go to files under {@code
 * target/operator-logs/}, for failure messages. Register it on an instance field with
 * {@code @RegisterExtension}.
 */
public final class OperatorProcesses implements AfterEachCallback {

  private static final Path JAR = Path.of("target", "imps.jar");
  private static final Path LOGS = Path.of("target", "operator-logs");

  private final List<LoggedProcess> started = new ArrayList<>();

  /** Creates the extension; a test class registers one. */
  public OperatorProcesses() {}

  /**
   * Starts {@code imps controller} with the given flags and without a metrics endpoint ({@code
   * --metrics-addr=0}), so that processes never compete for a port.
   *
   * @param name the pod name it reports ({@code POD_NAME}), the start of its identity, and the
   *     process's {@link LoggedProcess#name()}
   * @param kubeconfig the kubeconfig it uses
   * @param flags more flags of the controller command
   * @return the running process, stopped after the test
   */
  public LoggedProcess start(String name, Path kubeconfig, String... flags) {
    return start(name, kubeconfig, List.of(), flags);
  }

  /**
   * Starts {@code imps controller} as {@link #start(String, Path, String...)} does, with more JVM
   * options.
   *
   * @param name the pod name it reports ({@code POD_NAME}) and the process's name
   * @param kubeconfig the kubeconfig it uses
   * @param jvmOptions JVM options after {@code -Xmx256m}
   * @param flags more flags of the controller command
   * @return the running process, stopped after the test
   */
  public LoggedProcess start(
      String name, Path kubeconfig, List<String> jvmOptions, String... flags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    if (Files.isRegularFile(JAR)) {
      command.add("-jar");
      command.add(JAR.toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("dev.imps.controller.cli.Main");
    }
    command.add("controller");
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--metrics-addr=0");
    command.addAll(List.of(flags));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("POD_NAME", name);
    Path log = LOGS.resolve("imps-" + name + "-" + System.nanoTime() + ".log");
    LoggedProcess process = LoggedProcess.start(name, builder, log);
    started.add(process);
    return process;
  }

  /**
   * Starts {@code imps controller} as {@link #start} does, with leader election on and its Lease in
   * {@code leaseNamespace}.
   *
   * @param name the pod name it reports, the start of its identity in the Lease
   * @param kubeconfig the kubeconfig it uses
   * @param leaseNamespace where its Lease is ({@code --config-namespace})
   * @param flags more flags of the controller command, e.g. Lease timings
   * @return the running process, stopped after the test
   */
  public LoggedProcess startLeaderElecting(
      String name, Path kubeconfig, String leaseNamespace, String... flags) {
    List<String> all =
        new ArrayList<>(
            List.of("--enable-leader-election", "--config-namespace=" + leaseNamespace));
    all.addAll(List.of(flags));
    return start(name, kubeconfig, all.toArray(String[]::new));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // Stopping one that has ended already (killed, exited, or closed by the test) does nothing.
    started.forEach(LoggedProcess::close);
    started.clear();
  }
}
