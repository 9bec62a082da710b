package dev.imps.testsupport.process;

import java.util.List;
import java.util.Objects;

/**
 * What an external command did.
 *
 * @param command the command line
 * @param exitStatus its exit status, {@link #TIMED_OUT} if it did not finish in time
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error, or a note that it timed out
 */
public record CommandResult(List<String> command, int exitStatus, String stdout, String stderr) {

  /** The exit status of a command that did not finish in time and was killed. */
  public static final int TIMED_OUT = -1;

  /**
   * Checks and copies the parts.
   *
   * @throws NullPointerException if a part is {@code null}
   */
  public CommandResult {
    command = List.copyOf(command);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /**
   * Tells whether the command exited with status 0.
   *
   * @return true on success
   */
  public boolean succeeded() {
    return exitStatus == 0;
  }

  /**
   * Tells whether the command was killed because it did not finish in time.
   *
   * @return true if it timed out
   */
  public boolean timedOut() {
    return exitStatus == TIMED_OUT;
  }

  /**
   * Returns standard output if the command succeeded.
   *
   * @return standard output
   * @throws IllegalStateException if it did not succeed, with {@link #describe()} as message
   */
  public String stdoutOrThrow() {
    if (!succeeded()) {
      throw new IllegalStateException(describe());
    }
    return stdout;
  }

  /**
   * Describes the outcome for a failure message: the command line, the status, standard error and
   * standard output. Never includes the input the command was given.
   *
   * @return the description
   */
  public String describe() {
    return String.join(" ", command)
        + " exited with "
        + exitStatus
        + ":\n"
        + stderr.strip()
        + (stdout.isBlank() ? "" : "\nstdout:\n" + stdout.strip());
  }
}
