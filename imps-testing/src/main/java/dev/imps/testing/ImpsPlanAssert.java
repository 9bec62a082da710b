package dev.imps.testing;

import dev.imps.controller.plan.ImagePullSecretPlan;
import dev.imps.controller.plan.ImagePullSecretPlan.Action;
import dev.imps.controller.plan.ImagePullSecretPlan.Change;
import dev.imps.controller.plan.PlanReport;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole {@link ImpsPlan}. Each fails with what the plan says instead: the input
 * error, the invalid specs, the conflicts, naming objects, namespaces and fields but never a secret
 * value. Not thread-safe, as AssertJ assertions are not.
 */
public final class ImpsPlanAssert extends AbstractAssert<ImpsPlanAssert, ImpsPlan> {

  ImpsPlanAssert(ImpsPlan actual) {
    super(actual, ImpsPlanAssert.class);
  }

  /**
   * Moves to one {@code ImagePullSecret} of the plan.
   *
   * @param name its {@code metadata.name}
   * @return assertions on its plan
   * @throws AssertionError if the input could not be read or has no ImagePullSecret of that name
   */
  public ImagePullSecretAssert object(String name) {
    PlanReport report = readable();
    for (ImagePullSecretPlan plan : report.plans()) {
      if (plan.name().equals(name)) {
        return new ImagePullSecretAssert(plan, this);
      }
    }
    throw failure(
        "%s has no ImagePullSecret %s; it has %s",
        actual, name, report.plans().stream().map(ImagePullSecretPlan::name).toList());
  }

  /**
   * Asserts that the input was read and that every ImagePullSecret spec can work, as the API server
   * and the operator check it.
   *
   * @return this
   * @throws AssertionError naming the input error or every invalid spec with its file and field
   */
  public ImpsPlanAssert isValid() {
    List<String> invalid = new ArrayList<>();
    for (ImagePullSecretPlan plan : readable().invalid()) {
      invalid.add(plan.origin() + ": " + plan.invalidSpec().orElseThrow());
    }
    if (!invalid.isEmpty()) {
      throw failure("%s has invalid ImagePullSecrets:%n  %s", actual, String.join("\n  ", invalid));
    }
    return this;
  }

  /**
   * Asserts that no ImagePullSecret would find its target secret taken: neither by a secret imps
   * does not own nor by another ImagePullSecret with the stronger claim.
   *
   * @return this
   * @throws AssertionError listing every conflict with its object, namespace, secret and reason
   */
  public ImpsPlanAssert hasNoConflicts() {
    List<String> conflicts = new ArrayList<>();
    for (ImagePullSecretPlan plan : readable().plans()) {
      for (Change change : plan.changes(Action.CONFLICT)) {
        conflicts.add(plan.name() + ": " + ImagePullSecretAssert.describe(change));
      }
    }
    if (!conflicts.isEmpty()) {
      throw failure("%s has conflicts:%n  %s", actual, String.join("\n  ", conflicts));
    }
    return this;
  }

  /**
   * Asserts that every source secret of every ImagePullSecret is in the input.
   *
   * @return this
   * @throws AssertionError listing every missing source with the object that reads it
   */
  public ImpsPlanAssert hasNoMissingSources() {
    List<String> missing = new ArrayList<>();
    for (ImagePullSecretPlan plan : readable().plans()) {
      for (ImagePullSecretPlan.Source source : plan.sources()) {
        if ("missing".equals(source.state())) {
          missing.add(plan.name() + ": " + source.secret());
        }
      }
    }
    if (!missing.isEmpty()) {
      throw failure("%s has missing source secrets:%n  %s", actual, String.join("\n  ", missing));
    }
    return this;
  }

  private PlanReport readable() {
    isNotNull();
    if (actual.inputError().isPresent()) {
      throw failure("%s cannot be read: %s", actual, actual.inputError().get());
    }
    return actual.report();
  }
}
