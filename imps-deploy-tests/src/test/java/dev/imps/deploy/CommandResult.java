package dev.imps.deploy;

import java.util.List;

/**
 * What an external command did.
 *
 * @param command the command line
 * @param exitStatus its exit status, -1 if it timed out
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error
 */
record CommandResult(List<String> command, int exitStatus, String stdout, String stderr) {

  boolean succeeded() {
    return exitStatus == 0;
  }

  /** Returns standard output, or fails naming the command and quoting its standard error. */
  String stdoutOrThrow() {
    if (!succeeded()) {
      throw new AssertionError(describe());
    }
    return stdout;
  }

  String describe() {
    return String.join(" ", command)
        + " exited with "
        + exitStatus
        + ":\n"
        + stderr.strip()
        + (stdout.isBlank() ? "" : "\nstdout:\n" + stdout.strip());
  }
}
