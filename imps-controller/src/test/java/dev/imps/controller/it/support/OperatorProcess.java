package dev.imps.controller.it.support;

import dev.imps.testsupport.process.LoggedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator as a separate JVM, started as users start it ({@code java -jar imps.jar}, or the
 * main class on the test classpath when the jar is not built), so a test can kill it with SIGKILL.
 * Its log goes to a file under {@code target/operator-logs/}, quoted on failure.
 */
public final class OperatorProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "imps.jar");
  private static final Path LOGS = Path.of("target", "operator-logs");

  private final String name;
  private final LoggedProcess process;

  private OperatorProcess(String name, LoggedProcess process) {
    this.name = name;
    this.process = process;
  }

  /**
   * Starts {@code imps controller} with the given flags.
   *
   * @param name the pod name it reports ({@code POD_NAME}), the start of its identity
   * @param kubeconfig the kubeconfig it uses
   * @param flags more flags of the controller command
   * @return the running process
   */
  public static OperatorProcess start(String name, Path kubeconfig, String... flags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
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
    command.addAll(List.of(flags));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("POD_NAME", name);
    Path log = LOGS.resolve("imps-" + name + "-" + System.nanoTime() + ".log");
    return new OperatorProcess(name, LoggedProcess.start("operator process " + name, builder, log));
  }

  /**
   * Returns the name given at start.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Tells whether the process runs.
   *
   * @return true while alive
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Returns the exit status.
   *
   * @return the status
   * @throws IllegalThreadStateException if it still runs
   */
  public int exitValue() {
    return process.exitValue();
  }

  /**
   * Kills the process with SIGKILL and waits for it to end: no shutdown hook runs, the Lease is not
   * released.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void kill() throws InterruptedException {
    process.kill();
  }

  /**
   * Returns the end of the process's log, for failure messages.
   *
   * @param lines how many lines
   * @return the lines
   */
  public String logTail(int lines) {
    return process.logTail(lines);
  }

  /**
   * Returns the whole log.
   *
   * @return the log text
   */
  public String log() {
    return process.log();
  }

  /** Stops the process gracefully (SIGTERM), by force after 20 s. */
  @Override
  public void close() {
    process.close();
  }
}
