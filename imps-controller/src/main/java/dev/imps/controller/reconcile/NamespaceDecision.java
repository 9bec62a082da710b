package dev.imps.controller.reconcile;

import dev.imps.selector.Decision;
import java.util.Objects;

/**
 * The rule's verdict for one namespace, and whether imps acts on it.
 *
 * @param namespace the namespace name
 * @param decision which clause matched, or not matched
 * @param terminating whether the namespace is being deleted; a matched but terminating namespace is
 *     skipped: no writes, no errors, no requeue
 */
public record NamespaceDecision(String namespace, Decision decision, boolean terminating) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public NamespaceDecision {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(decision, "decision");
  }

  /**
   * Tells whether the namespace should hold a copy.
   *
   * @return {@code true} if the rule matched and the namespace is not terminating
   */
  public boolean selected() {
    return decision.matched() && !terminating;
  }

  /**
   * Explains the verdict for humans.
   *
   * @return e.g. {@code matched by names[0]}, or {@code matched by ... (skipped: namespace is
   *     terminating)}
   */
  public String explanation() {
    return terminating
        ? decision.explanation() + " (skipped: namespace is terminating)"
        : decision.explanation();
  }
}
