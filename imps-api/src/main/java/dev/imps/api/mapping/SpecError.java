package dev.imps.api.mapping;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem with an {@code ImagePullSecret} spec: the path of the field, in the API server's
 * notation ({@code spec.target.namespaces.labels[1].matchExpressions[0].operator}, map entries as
 * {@code matchLabels[app]}), and what is wrong with it.
 *
 * @param field the field path, starting at {@code spec}
 * @param message what is wrong, in lower case, quoting the offending value
 */
public record SpecError(String field, String message) implements Serializable {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public SpecError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code <field>: <message>}. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
