package dev.imps.envtest;

import java.util.List;

/**
 * Thrown when kubectl exits with a non-zero status; carries its output so tests can assert on the
 * API server's error message.
 */
public final class KubectlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitStatus;
  private final String stdout;
  private final String stderr;

  /**
   * Creates the exception.
   *
   * @param args the kubectl arguments
   * @param exitStatus kubectl's exit status, -1 when it timed out
   * @param stdout what kubectl printed on standard output
   * @param stderr what kubectl printed on standard error
   */
  public KubectlException(List<String> args, int exitStatus, String stdout, String stderr) {
    super(
        "kubectl " + String.join(" ", args) + " exited with " + exitStatus + ": " + stderr.strip());
    this.exitStatus = exitStatus;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Returns kubectl's exit status.
   *
   * @return the status, -1 when it timed out
   */
  public int exitStatus() {
    return exitStatus;
  }

  /**
   * Returns what kubectl printed on standard output.
   *
   * @return standard output
   */
  public String stdout() {
    return stdout;
  }

  /**
   * Returns what kubectl printed on standard error, where the API server's message appears.
   *
   * @return standard error
   */
  public String stderr() {
    return stderr;
  }
}
