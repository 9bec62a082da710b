package dev.imps.controller.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operator as a separate JVM, started as users start it ({@code java -jar imps.jar}, or the
 * main class on the test classpath when the jar is not built), so a test can kill it with SIGKILL.
 * Its log goes to a file quoted on failure.
 */
public final class OperatorProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "imps.jar");

  private final String name;
  private final Process process;
  private final Path log;

  private OperatorProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
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
    try {
      Path log = Files.createTempFile("imps-" + name + "-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("POD_NAME", name);
      return new OperatorProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start operator process " + name, e);
    }
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
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Returns the end of the process's log, for failure messages.
   *
   * @param lines how many lines
   * @return the lines
   */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /**
   * Returns the whole log.
   *
   * @return the log text
   */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops the process gracefully (SIGTERM), by force after 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
