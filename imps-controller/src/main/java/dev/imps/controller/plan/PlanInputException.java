package dev.imps.controller.plan;

/**
 * The plan's input cannot be used: a file that cannot be read or parsed, or an object with a
 * missing or malformed field. The message names the file, the document, the object and the field,
 * never a field's value (it may be a credential).
 */
public final class PlanInputException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public PlanInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause, e.g. an I/O error.
   *
   * @param message what is wrong and where
   * @param cause the cause
   */
  public PlanInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
