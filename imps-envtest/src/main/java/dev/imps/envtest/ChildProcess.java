package dev.imps.envtest;

import dev.imps.testsupport.process.LogFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One binary (etcd or kube-apiserver) running as a child of this JVM that cannot outlive it.
 *
 * <p>A JVM killed with SIGKILL runs no shutdown hook, and Java offers no parent-death signal. So
 * the binary runs under a small bash guard that holds the read end of a pipe whose write end only
 * this JVM holds: when the JVM ends for any reason the pipe closes and the guard sends SIGTERM to
 * the binary. {@link #stop} closes the pipe the same way, so a normal stop and a crash take one
 * path.
 *
 * <p>Standard output and error go to a log file, whose tail error messages quote. Not thread-safe:
 * the owning {@link KubeControlPlane} serialises calls.
 */
final class ChildProcess {

  /**
   * The guard: runs "$@" with stdin from /dev/null, forwards SIGTERM/SIGINT, kills it when fd 3
   * (the pipe from the JVM) reaches end of file, and exits with its status.
   */
  private static final String GUARD =
      String.join(
          "\n",
          "exec 3<&0 </dev/null",
          "\"$@\" 3<&- &",
          "child=$!",
          "trap 'kill -TERM \"$child\" 2>/dev/null' TERM INT",
          "{ while read -r -u 3 _; do :; done; kill -TERM \"$child\" 2>/dev/null; } &",
          "guard=$!",
          "exec 3<&-",
          "status=0",
          "wait \"$child\" || status=$?",
          "while kill -0 \"$child\" 2>/dev/null; do wait \"$child\"; status=$?; done",
          "kill \"$guard\" 2>/dev/null",
          "exit \"$status\"");

  private final String name;
  private final Path logFile;
  private final Process process;

  private ChildProcess(String name, Path logFile, Process process) {
    this.name = name;
    this.logFile = logFile;
    this.process = process;
  }

  /**
   * Starts {@code command} with its output appended to {@code logFile}.
   *
   * @param name a short name for messages ("etcd", "kube-apiserver")
   * @param command the binary and its arguments
   * @param logFile where standard output and error go
   * @return the running process
   * @throws UncheckedIOException if bash cannot be started
   */
  static ChildProcess start(String name, List<String> command, Path logFile) {
    List<String> guarded = new ArrayList<>(List.of("bash", "-c", GUARD, name));
    guarded.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(guarded)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      return new ChildProcess(name, logFile, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " via bash", e);
    }
  }

  /**
   * Tells whether the binary (more precisely its guard, which exits with it) is still running.
   *
   * @return true while running
   */
  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Returns the exit status; only meaningful once {@link #isAlive()} is false.
   *
   * @return the binary's exit status
   */
  int exitValue() {
    return process.exitValue();
  }

  /**
   * Returns the process ids of the guard's descendants, which include the binary.
   *
   * @return the descendants' pids, possibly empty once stopped
   */
  List<Long> descendantPids() {
    return process.descendants().map(ProcessHandle::pid).toList();
  }

  /**
   * Stops the binary with SIGTERM and waits for it; after {@code grace} it is killed with SIGKILL.
   * Does nothing if it already ended.
   *
   * @param grace how long a graceful stop may take
   */
  void stop(Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The pipe is already closed; the guard has seen end of file.
    }
    boolean ended;
    try {
      ended = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    // The binary may still be exiting after its guard; wait so its ports and files are free.
    for (ProcessHandle descendant : descendants) {
      descendant.onExit().completeOnTimeout(descendant, 5, TimeUnit.SECONDS).join();
    }
  }

  /**
   * Returns the last lines of the log, for error messages.
   *
   * @param lines how many lines at most
   * @return the last lines, or a note when the log cannot be read
   */
  String logTail(int lines) {
    return LogFile.tail(logFile, lines);
  }

  /**
   * Returns the short name given at start.
   *
   * @return the name, such as "etcd"
   */
  String name() {
    return name;
  }

  /**
   * Returns the log file.
   *
   * @return where standard output and error go
   */
  Path logFile() {
    return logFile;
  }
}
