package dev.imps.selector;

import java.util.Objects;

/**
 * The outcome of evaluating a {@link NamespaceRule} for a namespace: whether it matched and, if so,
 * which clause matched first, e.g. {@code names[2]}, {@code namespaces.labels[0]}, {@code
 * namespaces.annotations[1]}, {@code namespacesWithPods.labels[0] via pod web-1} or {@code
 * namespacesWithPods.annotations[0] via pod web-1}.
 *
 * <p>Immutable and thread-safe. A match through a pod keeps the clause and pod name apart and joins
 * them only when asked, so that deciding costs no string building.
 */
public final class Decision {

  private static final Decision NOT_MATCHED = new Decision(false, "", null);

  private final boolean matched;
  private final String clause;
  private final String podName;

  private Decision(boolean matched, String clause, String podName) {
    this.matched = matched;
    this.clause = clause;
    this.podName = podName;
  }

  /**
   * Returns a positive decision.
   *
   * @param clause the clause that matched, e.g. {@code names[2]}
   * @return the decision
   * @throws IllegalArgumentException if {@code clause} is blank
   * @throws NullPointerException if {@code clause} is {@code null}
   */
  public static Decision matched(String clause) {
    Objects.requireNonNull(clause, "clause");
    if (clause.isBlank()) {
      throw new IllegalArgumentException("clause must not be blank");
    }
    return new Decision(true, clause, null);
  }

  /**
   * Returns a positive decision reached through a pod in the namespace.
   *
   * @param clause the pod clause that matched, e.g. {@code namespacesWithPods.labels[0]}
   * @param podName the pod that satisfied it
   * @return the decision, whose {@link #clause()} is {@code <clause> via pod <podName>}
   * @throws IllegalArgumentException if {@code clause} is blank
   * @throws NullPointerException if an argument is {@code null}
   */
  public static Decision matchedViaPod(String clause, String podName) {
    Objects.requireNonNull(podName, "podName");
    Decision decision = matched(clause);
    return new Decision(true, decision.clause, podName);
  }

  /**
   * Returns the negative decision.
   *
   * @return the shared instance
   */
  public static Decision notMatched() {
    return NOT_MATCHED;
  }

  /**
   * Tells whether the rule matched.
   *
   * @return {@code true} if some clause matched
   */
  public boolean matched() {
    return matched;
  }

  /**
   * Returns the clause that matched, with the pod for pod clauses.
   *
   * @return e.g. {@code namespaces.labels[0]} or {@code namespacesWithPods.labels[0] via pod
   *     web-1}; {@code ""} when not matched
   */
  public String clause() {
    return podName == null ? clause : clause + SelectorConstants.VIA_POD + podName;
  }

  /**
   * Explains the decision for humans, e.g. in {@code plan} output or a status condition.
   *
   * @return {@code matched by <clause>} or {@code not matched by any clause}
   */
  public String explanation() {
    return matched ? "matched by " + clause() : "not matched by any clause";
  }

  /**
   * Two decisions are equal when both matched by the same {@link #clause()}, however they were
   * built, or both did not match.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Decision that
        && matched == that.matched
        && clause().equals(that.clause());
  }

  @Override
  public int hashCode() {
    return Objects.hash(matched, clause());
  }

  /** Returns {@link #explanation()}. */
  @Override
  public String toString() {
    return explanation();
  }
}
