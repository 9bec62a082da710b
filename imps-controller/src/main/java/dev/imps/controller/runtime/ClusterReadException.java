package dev.imps.controller.runtime;

/**
 * A read the caches could not answer failed at the API server; the reconciliation is retried. The
 * message names the object and the HTTP status, never its content.
 */
public final class ClusterReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be read and why
   * @param cause the API error
   */
  public ClusterReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
