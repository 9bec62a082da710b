package dev.imps.testing;

import dev.imps.controller.plan.ImagePullSecretPlan;
import dev.imps.controller.plan.ImagePullSecretPlan.SelectedNamespace;
import dev.imps.controller.plan.PlanFailure;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the plan of one {@code ImagePullSecret}: which namespaces its rule selects, and
 * whether its spec is valid and its copies free of conflicts. A namespace counts as selected when
 * the rule matches it, as {@code status.namespaces} would list it (a terminating namespace too).
 * Not thread-safe, as AssertJ assertions are not.
 */
public final class ImagePullSecretAssert
    extends AbstractAssert<ImagePullSecretAssert, ImagePullSecretPlan> {

  private final ImpsPlanAssert plan;

  ImagePullSecretAssert(ImagePullSecretPlan actual, ImpsPlanAssert plan) {
    super(actual, ImagePullSecretAssert.class);
    this.plan = plan;
  }

  /**
   * Asserts that the rule selects a namespace.
   *
   * @param namespace the namespace's name
   * @return assertions on that selection, e.g. {@link SelectionAssert#because(String) because}
   * @throws AssertionError if the spec is invalid or the namespace is not selected; the message
   *     lists the namespaces that are, with their clauses
   */
  public SelectionAssert selects(String namespace) {
    valid();
    return selection(namespace)
        .map(selected -> new SelectionAssert(selected, this))
        .orElseThrow(
            () ->
                failure(
                    "expected ImagePullSecret %s to select namespace %s, but it does not; it"
                        + " selects %s",
                    actual.name(), namespace, selections()));
  }

  /**
   * Asserts that the rule does not select a namespace (a namespace absent from the input is not
   * selected).
   *
   * @param namespace the namespace's name
   * @return this
   * @throws AssertionError if the spec is invalid or the namespace is selected; the message names
   *     the clause that selects it
   */
  public ImagePullSecretAssert doesNotSelect(String namespace) {
    valid();
    Optional<SelectedNamespace> selected = selection(namespace);
    if (selected.isPresent()) {
      throw failure(
          "expected ImagePullSecret %s not to select namespace %s, but %s selects it",
          actual.name(), namespace, selected.get().clause());
    }
    return this;
  }

  /**
   * Asserts that the spec can work, as the operator checks it.
   *
   * @return this
   * @throws AssertionError naming the file and field of the problem
   */
  public ImagePullSecretAssert isValid() {
    valid();
    return this;
  }

  /**
   * Asserts that none of the object's copies is taken by a secret imps does not own or by another
   * ImagePullSecret with the stronger claim.
   *
   * @return this
   * @throws AssertionError listing every conflict with its namespace, secret and reason
   */
  public ImagePullSecretAssert hasNoConflicts() {
    List<String> conflicts = PlanFailure.CONFLICT.findings(actual);
    if (!conflicts.isEmpty()) {
      throw failure(
          "expected ImagePullSecret %s to have no conflicts, but:%n  %s",
          actual.name(), String.join("\n  ", conflicts));
    }
    return this;
  }

  /**
   * Moves to another {@code ImagePullSecret} of the same plan.
   *
   * @param name its {@code metadata.name}
   * @return assertions on its plan
   * @throws AssertionError if the plan has no ImagePullSecret of that name
   */
  public ImagePullSecretAssert object(String name) {
    return plan.object(name);
  }

  private void valid() {
    isNotNull();
    List<String> invalid = PlanFailure.INVALID.findings(actual);
    if (!invalid.isEmpty()) {
      throw failure("ImagePullSecret %s is invalid: %s", actual.name(), invalid.get(0));
    }
  }

  private Optional<SelectedNamespace> selection(String namespace) {
    return actual.selected().stream().filter(s -> s.namespace().equals(namespace)).findFirst();
  }

  private List<String> selections() {
    return actual.selected().stream().map(s -> s.namespace() + " (" + s.clause() + ")").toList();
  }
}
