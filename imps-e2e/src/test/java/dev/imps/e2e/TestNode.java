package dev.imps.e2e;

import dev.imps.testsupport.process.LoggedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real single-node cluster for end-to-end tests: {@code scripts/test-node.sh} running as a child
 * of this JVM (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, a registry that
 * requires a login, containerd and a kubelet).
 *
 * <p>The script runs until its standard input ends: {@link #close()} closes it, and so does the end
 * of this JVM, even by SIGKILL, since only this JVM holds the pipe's write end. The script then
 * stops everything it started and undoes its changes to the host. Where a node cannot run (not
 * root, no cgroups, missing binaries or packages) the script exits with status 2 and {@link #start}
 * throws with its explanation.
 *
 * <p>Thread-safe for {@link #kubectl}; {@link #start} and {@link #close} are called once each by
 * {@link TestNodeExtension}.
 */
final class TestNode implements AutoCloseable {

  /** Cold start on a busy 2-core machine: control plane, registry, images, containerd, kubelet. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private final LoggedProcess script;
  private final Path workDirectory;
  private final NodeEnvironment environment;
  private final Kubectl kubectl;

  /** The node of a script that has written {@code node.env} into its work folder. */
  private TestNode(LoggedProcess script, Path workDirectory) {
    this.environment = NodeEnvironment.read(envFile(workDirectory));
    this.kubectl = new Kubectl(environment.kubeconfig(), workDirectory.resolve("kubectl-cache"));
    this.script = script;
    this.workDirectory = workDirectory;
  }

  /**
   * Starts the node and waits until it is Ready.
   *
   * @param repositoryRoot the checkout, holding {@code scripts/test-node.sh}
   * @param workDirectory where the node keeps its files and logs (created, emptied first)
   * @return the running node
   * @throws IllegalStateException if the node cannot run here or does not become Ready; the message
   *     quotes the script's explanation or the end of its log
   */
  static TestNode start(Path repositoryRoot, Path workDirectory) {
    Path script = repositoryRoot.resolve("scripts/test-node.sh");
    Path scriptLog = workDirectory.resolveSibling(workDirectory.getFileName() + "-test-node.log");
    try {
      deleteRecursively(workDirectory);
      Files.createDirectories(workDirectory);
      Files.deleteIfExists(scriptLog);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + workDirectory, e);
    }
    LoggedProcess process =
        LoggedProcess.start(
            script.toString(),
            new ProcessBuilder("bash", script.toString(), workDirectory.toString()),
            scriptLog);
    try {
      awaitEnvironment(process, script, envFile(workDirectory));
      return new TestNode(process, workDirectory);
    } catch (RuntimeException | Error e) {
      // Not Ready in time, interrupted, or node.env unreadable: the script and its node must not
      // outlive the failed start.
      if (process.isAlive()) {
        process.stopAtEndOfInput(STOP_TIMEOUT);
      }
      throw e;
    }
  }

  private static void awaitEnvironment(LoggedProcess process, Path script, Path envFile) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(envFile)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            script
                + " exited with status "
                + process.exitValue()
                + " before the node was Ready:\n"
                + process.logTail(30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the test node was not Ready within " + START_TIMEOUT + ":\n" + process.logTail(30));
      }
      sleep(Duration.ofMillis(250));
    }
  }

  /**
   * Returns what the node's users need: kubeconfig, registry address and login, and more.
   *
   * @return the node's environment
   */
  NodeEnvironment environment() {
    return environment;
  }

  /**
   * Runs kubectl as the cluster admin.
   *
   * @param args the arguments after {@code kubectl}
   * @return its standard output
   * @throws IllegalStateException if kubectl fails, with its standard error
   */
  String kubectl(String... args) {
    return kubectl.run(null, List.of(args));
  }

  /**
   * Runs kubectl as the cluster admin with {@code input} on its standard input.
   *
   * @param input for example the YAML of {@code apply -f -}
   * @param args the arguments after {@code kubectl}
   * @return its standard output
   * @throws IllegalStateException if kubectl fails, with its standard error
   */
  String kubectlWithInput(String input, String... args) {
    return kubectl.run(input, List.of(args));
  }

  /**
   * Runs crane, logged in to the node's registry and trusting its CA.
   *
   * @param args the arguments after {@code crane}
   * @return its standard output
   * @throws IllegalStateException if crane fails
   */
  String crane(String... args) {
    List<String> command = new ArrayList<>(List.of(environment.crane().toString()));
    command.addAll(List.of(args));
    return Commands.run(
        command,
        null,
        List.of(
            "DOCKER_CONFIG=" + environment.craneConfig(), "SSL_CERT_FILE=" + environment.caFile()),
        Duration.ofMinutes(3));
  }

  /**
   * Returns the node's work folder.
   *
   * @return the folder (under {@code target/})
   */
  Path workDirectory() {
    return workDirectory;
  }

  /**
   * Stops the node: closes the script's standard input and waits for its clean-up; after {@code
   * STOP_TIMEOUT} the script and what it started are killed.
   */
  @Override
  public void close() {
    script.stopAtEndOfInput(STOP_TIMEOUT);
  }

  /**
   * Returns the script's log, which ends with its clean-up report once closed.
   *
   * @return the log file
   */
  Path scriptLog() {
    return script.logFile();
  }

  /** Where the script writes what its users need once the node is Ready. */
  private static Path envFile(Path workDirectory) {
    return workDirectory.resolve("node.env");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the test node", e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
