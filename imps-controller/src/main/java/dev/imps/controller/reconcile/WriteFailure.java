package dev.imps.controller.reconcile;

import java.util.Objects;

/**
 * A write that failed for a reason other than the normal races of reconciliation.
 *
 * @param target what was written, e.g. {@code secret team-a/pull-secret} or {@code serviceaccount
 *     team-a/default}
 * @param verb {@code create}, {@code patch}, {@code delete} or {@code replace}
 * @param message the API server's message; never secret data
 * @param throttled whether the API server throttled it (429) and it is retried after its {@code
 *     Retry-After}, rather than failed
 */
public record WriteFailure(String target, String verb, String message, boolean throttled) {

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
   * A write that failed (not throttled).
   *
   * @param target what was written
   * @param verb the verb
   * @param message the API server's message; never secret data
   */
  public WriteFailure(String target, String verb, String message) {
    this(target, verb, message, false);
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
