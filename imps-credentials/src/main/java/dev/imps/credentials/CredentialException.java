package dev.imps.credentials;

/**
 * A source could not give credentials: it is malformed, of an unknown type, or its provider failed
 * (for example an AWS error).
 *
 * <p>The message names the source and the field at fault and never contains a credential value, so
 * it may be logged, put into an event or a status as it is. For the same reason the exception
 * carries no cause: causes from parsers or SDKs are not guaranteed to be free of secrets.
 */
public final class CredentialException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the source and field, without any credential value
   */
  public CredentialException(String message) {
    super(message);
  }
}
