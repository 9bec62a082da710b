package dev.imps.envtest;

import dev.imps.testsupport.process.CommandResult;
import java.util.List;

/**
 * Thrown when kubectl exits with a non-zero status or times out; carries what it did so tests can
 * assert on the API server's error message.
 */
public final class KubectlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final CommandResult result;

  /**
   * Creates the exception.
   *
   * @param args the kubectl arguments, for the message (without the kubeconfig and cache flags)
   * @param result what kubectl did; its status is {@link CommandResult#TIMED_OUT} when it timed out
   */
  public KubectlException(List<String> args, CommandResult result) {
    super(
        "kubectl "
            + String.join(" ", args)
            + " exited with "
            + result.exitStatus()
            + ": "
            + result.stderr().strip());
    this.result = result;
  }

  /**
   * Returns what kubectl did: its exit status ({@link CommandResult#TIMED_OUT} when it timed out),
   * standard output, and standard error, where the API server's message appears.
   *
   * @return the result
   */
  public CommandResult result() {
    return result;
  }
}
