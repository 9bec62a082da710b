package dev.imps.testing;

import dev.imps.controller.plan.ImagePullSecretPlan.SelectedNamespace;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one namespace an {@code ImagePullSecret} selects: which clause of its rule selected
 * it, as the operator reports it: the first clause of the rule that matches. Not thread-safe, as
 * AssertJ assertions are not.
 */
public final class SelectionAssert extends AbstractAssert<SelectionAssert, SelectedNamespace> {

  private final ImagePullSecretAssert object;

  SelectionAssert(SelectedNamespace actual, ImagePullSecretAssert object) {
    super(actual, SelectionAssert.class);
    this.object = object;
  }

  /**
   * Asserts which clause selected the namespace. A pod clause matches with or without the pod that
   * matched: {@code namespacesWithPods.annotations[0]} and {@code namespacesWithPods.annotations[0]
   * via pod web} both match a selection by pod {@code web}.
   *
   * @param clause the clause, e.g. {@code namespaces.labels[0]} or {@code names[1]}
   * @return assertions on the object again, to go on with {@code selects} or {@code doesNotSelect}
   * @throws AssertionError if another clause selected the namespace; the message names it
   */
  public ImagePullSecretAssert because(String clause) {
    String actualClause = actual.clause();
    // A pod clause is followed by the pod that matched: "namespacesWithPods.labels[0] via pod web".
    if (!actualClause.equals(clause) && !actualClause.startsWith(clause + " ")) {
      throw failure(
          "expected namespace %s to be selected because of %s, but it is selected by %s",
          actual.namespace(), clause, actualClause);
    }
    return object;
  }

  /**
   * Asserts that the object selects another namespace too, whatever the clause.
   *
   * @param namespace the namespace's name
   * @return assertions on that selection
   * @throws AssertionError if it is not selected
   */
  public SelectionAssert selects(String namespace) {
    return object.selects(namespace);
  }

  /**
   * Asserts that the object does not select a namespace.
   *
   * @param namespace the namespace's name
   * @return assertions on the object again
   * @throws AssertionError if it is selected
   */
  public ImagePullSecretAssert doesNotSelect(String namespace) {
    return object.doesNotSelect(namespace);
  }
}
