package dev.imps.selector;

/**
 * Thrown when a selector, requirement or operator is not valid by Kubernetes' rules.
 *
 * <p>The message names the offending key, value or operator and, for parsed selectors, the position
 * in the input. Selector input is not secret, so it may be quoted in the message; long input is
 * shortened.
 */
public final class InvalidSelectorException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * Creates an exception that is not tied to a position in a selector string.
   *
   * @param message what is wrong, naming the offending key or value
   */
  public InvalidSelectorException(String message) {
    this(message, -1);
  }

  /**
   * Creates an exception for an error at a position of a selector string.
   *
   * @param message what is wrong, naming the offending key or value
   * @param position zero-based character offset in the parsed string, or {@code -1} if none
   */
  public InvalidSelectorException(String message, int position) {
    super(message);
    this.position = position;
  }

  /**
   * Returns where in the parsed string the error was found.
   *
   * @return zero-based character offset, or {@code -1} when the error does not come from parsing
   */
  public int position() {
    return position;
  }
}
