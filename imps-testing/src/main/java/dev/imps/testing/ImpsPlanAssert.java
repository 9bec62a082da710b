package dev.imps.testing;

import dev.imps.controller.plan.ImagePullSecretPlan;
import dev.imps.controller.plan.PlanFailure;
import dev.imps.controller.plan.PlanReport;
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
   * Asserts that the input was read and that every ImagePullSecret spec can work: the API server
   * would accept it (the CRD's schema, patterns, enums, lengths and CEL rules) and the operator
   * finds nothing that keeps it from working.
   *
   * @return this
   * @throws AssertionError naming the input error or every invalid spec with its file and field
   */
  public ImpsPlanAssert isValid() {
    return hasNo(PlanFailure.INVALID, "invalid ImagePullSecrets");
  }

  /**
   * Asserts that no ImagePullSecret would find its target secret taken: neither by a secret imps
   * does not own nor by another ImagePullSecret with the stronger claim.
   *
   * @return this
   * @throws AssertionError listing every conflict with its object, namespace, secret and reason
   */
  public ImpsPlanAssert hasNoConflicts() {
    return hasNo(PlanFailure.CONFLICT, "conflicts");
  }

  /**
   * Asserts that every source secret of every ImagePullSecret is in the input.
   *
   * @return this
   * @throws AssertionError listing every missing source with the object that reads it
   */
  public ImpsPlanAssert hasNoMissingSources() {
    return hasNo(PlanFailure.MISSING_SOURCE, "missing source secrets");
  }

  // The findings are imps plan's own (--fail-on), so the kit and CI fail on the same things.
  private ImpsPlanAssert hasNo(PlanFailure kind, String what) {
    List<String> findings = kind.findings(readable());
    if (!findings.isEmpty()) {
      throw failure("%s has %s:%n  %s", actual, what, String.join("\n  ", findings));
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
