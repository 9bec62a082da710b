package dev.imps.api.mapping;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when an {@code ImagePullSecret} spec can never work. Carries every problem found, each
 * naming its field; the message names the object too.
 *
 * <p>Checked on purpose: an invalid spec is user input to report (as a status condition and an
 * event), not a bug, so a controller must decide what to do with it.
 */
public final class InvalidSpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<SpecError> errors;

  private final String objectName;

  /**
   * Creates the exception.
   *
   * @param objectName the {@code metadata.name} of the {@code ImagePullSecret}, or {@code null} if
   *     unknown
   * @param errors the problems, at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   * @throws NullPointerException if {@code errors} or an element is {@code null}
   */
  public InvalidSpecException(String objectName, List<SpecError> errors) {
    super(message(objectName, errors));
    this.objectName = objectName;
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns every problem found, in field order.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<SpecError> errors() {
    return errors;
  }

  /**
   * Returns the name of the object whose spec is invalid.
   *
   * @return the {@code metadata.name}, or {@code null} if the spec was checked on its own
   */
  public String objectName() {
    return objectName;
  }

  private static String message(String objectName, List<SpecError> errors) {
    Objects.requireNonNull(errors, "errors");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid spec needs at least one error");
    }
    String subject = objectName == null ? "ImagePullSecret spec" : "ImagePullSecret " + objectName;
    String problems = errors.stream().map(SpecError::toString).collect(Collectors.joining("; "));
    return errors.size() == 1
        ? subject + ": " + problems
        : subject + ": " + errors.size() + " problems: " + problems;
  }
}
