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
 * {@code target/}, never {@code /tmp}), stopped by its own handle: SIGTERM, or the end of its
 * standard input for a process that runs until then, and SIGKILL after a grace period. Not
 * thread-safe; one test owns it.
 */
public final class LoggedProcess implements AutoCloseable {

  /** The grace period of {@link #close()}, 20 s. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path log;

  private LoggedProcess(String name, ProcessBuilder builder, Path log) throws IOException {
    this.name = name;
    this.log = log;
    Path folder = log.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    this.process = builder.start();
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
      return new LoggedProcess(name, builder, log);
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
   * Kills the process and its descendants with SIGKILL and waits up to 30 s for it to end: no
   * shutdown hook runs.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void kill() throws InterruptedException {
    destroyForcibly(process.descendants().toList());
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Stops the process with SIGTERM and waits; after {@code grace} it (and what it started) is
   * killed with SIGKILL. Does nothing if it already ended.
   *
   * @param grace how long a graceful stop may take
   */
  public void stop(Duration grace) {
    stop(process::destroy, grace);
  }

  /**
   * Stops a process that runs until its standard input ends: closes the pipe to it and waits; after
   * {@code grace} it (and what it started) is killed with SIGKILL. Since only this JVM holds the
   * pipe's write end, such a process stops the same way when this JVM ends, even by SIGKILL. Does
   * nothing if it already ended.
   *
   * @param grace how long a graceful stop may take
   */
  public void stopAtEndOfInput(Duration grace) {
    stop(this::closeInput, grace);
  }

  /** Stops the process with {@link #DEFAULT_GRACE}. */
  @Override
  public void close() {
    stop(DEFAULT_GRACE);
  }

  /**
   * Asks the process to end, waits up to {@code grace}, then kills it and its descendants; either
   * way it waits a little for the descendants, which may still be exiting after the process, so
   * that their ports and files are free.
   */
  private void stop(Runnable askToEnd, Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    askToEnd.run();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        destroyForcibly(descendants);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      destroyForcibly(descendants);
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle descendant : descendants) {
      descendant.onExit().completeOnTimeout(descendant, 5, TimeUnit.SECONDS).join();
    }
  }

  private void destroyForcibly(List<ProcessHandle> descendants) {
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  private void closeInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already closed: the process has seen the end of its input.
    }
  }

  @Override
  public String toString() {
    return "LoggedProcess{" + name + ", pid " + process.pid() + ", log " + log + "}";
  }
}
