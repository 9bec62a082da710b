package dev.imps.controller.reconcile;

import java.util.Objects;

/**
 * A write that failed for a reason other than the normal races of reconciliation.
 *
 * @param target what was written, e.g. {@code secret team-a/pull-secret} or {@code serviceaccount
 *     team-a/default}
 * @param verb {@code create}, {@code patch}, {@code delete} or {@code replace}
 * @param message the API server's message; never secret data
 */
public record WriteFailure(String target, String verb, String message) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public WriteFailure {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Describes the failure in one line.
   *
   * @return e.g. {@code cannot create secret team-a/pull-secret: quota exceeded}
   */
  public String describe() {
    return "cannot " + verb + " " + target + (message.isEmpty() ? "" : ": " + message);
  }
}
