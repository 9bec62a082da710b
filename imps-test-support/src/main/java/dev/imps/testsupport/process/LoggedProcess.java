package dev.imps.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running child process whose standard output and error are appended to a log file (under
 * {@code target/}, never {@code /tmp}), stopped by its own handle: SIGTERM, then SIGKILL after a
 * grace period. Not thread-safe; one test owns it.
 */
public final class LoggedProcess implements AutoCloseable {

  /** The grace period of {@link #close()}, 20 s. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path log;

  private LoggedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code builder}'s command with standard output and error appended to {@code log}, whose
   * folder is created if needed.
   *
   * @param name a short name for messages
   * @param builder the command, working directory and environment; its redirects are replaced
   * @param log the log file
   * @return the running process
   * @throws UncheckedIOException if the folder cannot be created or the process cannot start
   */
  public static LoggedProcess start(String name, ProcessBuilder builder, Path log) {
    try {
      Path folder = log.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return new LoggedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
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
   * Returns the process id.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
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
   * Returns the log file.
   *
   * @return where standard output and error go
   */
  public Path logFile() {
    return log;
  }

  /**
   * Returns the last lines of the log, for failure messages.
   *
   * @param lines how many lines at most
   * @return the lines, or a note when the log cannot be read
   */
  public String logTail(int lines) {
    return LogFile.tail(log, lines);
  }

  /**
   * Returns the whole log.
   *
   * @return the log text, empty if it cannot be read
   */
  public String log() {
    return LogFile.read(log);
  }

  /**
   * Kills the process and its descendants with SIGKILL and waits up to 30 s for it to end: no
   * shutdown hook runs.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void kill() throws InterruptedException {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Stops the process with SIGTERM and waits; after {@code grace} it (and what it started) is
   * killed with SIGKILL. Does nothing if it already ended.
   *
   * @param grace how long a graceful stop may take
   */
  public void stop(Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      descendants.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the process with {@link #DEFAULT_GRACE}. */
  @Override
  public void close() {
    stop(DEFAULT_GRACE);
  }

  @Override
  public String toString() {
    return "LoggedProcess{" + name + ", pid " + process.pid() + ", log " + log + "}";
  }
}
