package dev.imps.envtest;

import dev.imps.testsupport.process.LoggedProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one binary (etcd or kube-apiserver) as a child of this JVM that cannot outlive it.
 *
 * <p>A JVM killed with SIGKILL runs no shutdown hook, and Java offers no parent-death signal. So
 * the binary runs under a small bash guard that holds the read end of a pipe whose write end only
 * this JVM holds: when the JVM ends for any reason the pipe closes and the guard sends SIGTERM to
 * the binary. {@link LoggedProcess#stopAtEndOfInput} closes the pipe the same way, so a normal stop
 * and a crash take one path.
 *
 * <p>Standard output and error go to a log file, whose tail error messages quote.
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

  private ChildProcess() {}

  /**
   * Starts {@code command} under the guard, with its output appended to {@code logFile}. Stop it
   * with {@link LoggedProcess#stopAtEndOfInput}.
   *
   * @param name a short name for messages ("etcd", "kube-apiserver")
   * @param command the binary and its arguments
   * @param logFile where standard output and error go
   * @return the running guard, which exits with the binary and with its status
   * @throws java.io.UncheckedIOException if bash cannot be started
   */
  static LoggedProcess start(String name, List<String> command, Path logFile) {
    List<String> guarded = new ArrayList<>(List.of("bash", "-c", GUARD, name));
    guarded.addAll(command);
    return LoggedProcess.start(name, new ProcessBuilder(guarded), logFile);
  }
}
