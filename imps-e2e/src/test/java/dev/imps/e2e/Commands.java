package dev.imps.e2e;

import dev.imps.testsupport.process.Command;
import dev.imps.testsupport.process.CommandResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command line to completion ({@link Command} of imps-test-support) and returns its standard
 * output; fails with its error.
 */
final class Commands {

  private Commands() {}

  /**
   * Runs {@code command}.
   *
   * @param command the program and its arguments
   * @param input what to write to its standard input, or null
   * @param environment extra {@code NAME=value} variables
   * @param timeout how long it may run
   * @return its standard output
   * @throws IllegalStateException if it fails or times out, with the program's name, exit status
   *     and standard error (never its input, which may hold secrets)
   */
  static String run(
      List<String> command, String input, List<String> environment, Duration timeout) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String variable : environment) {
      int eq = variable.indexOf('=');
      variables.put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    CommandResult result =
        Command.of(command).withEnvironment(variables).withInput(input).withTimeout(timeout).run();
    if (result.timedOut()) {
      throw new IllegalStateException(
          String.join(" ", command.subList(0, Math.min(3, command.size())))
              + " did not finish within "
              + timeout);
    }
    if (!result.succeeded()) {
      throw new CommandFailedException(
          String.join(" ", command.subList(0, Math.min(4, command.size())))
              + " failed with status "
              + result.exitStatus()
              + ": "
              + result.stderr().strip(),
          result.stderr());
    }
    return result.stdout();
  }

  /** A command that exited with a non-zero status; carries its standard error. */
  static final class CommandFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String standardError;

    CommandFailedException(String message, String standardError) {
      super(message);
      this.standardError = standardError;
    }

    String standardError() {
      return standardError;
    }
  }
}
