package dev.imps.controller.plan;

import dev.imps.controller.plan.ImagePullSecretPlan.Action;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a plan can find that a CI job may want to fail on ({@code imps plan --fail-on}), each with
 * its own exit status. The findings are the single definition of each kind: the test kit's
 * assertions use them too.
 */
public enum PlanFailure {
  /** An ImagePullSecret the API server would reject, or whose spec can never work. */
  INVALID("invalid", 3),
  /** A target secret taken by a secret imps does not own or by a stronger claim. */
  CONFLICT("conflict", 4),
  /** A source secret that is not there. */
  MISSING_SOURCE("missing-source", 5);

  private final String label;
  private final int exitStatus;

  PlanFailure(String label, int exitStatus) {
    this.label = label;
    this.exitStatus = exitStatus;
  }

  /**
   * Returns the name used on the command line.
   *
   * @return e.g. {@code missing-source}
   */
  public String label() {
    return label;
  }

  /**
   * Returns the exit status of {@code imps plan} when this kind is found and asked for.
   *
   * @return 3, 4 or 5
   */
  public int exitStatus() {
    return exitStatus;
  }

  /**
   * Finds this kind in the plan of one ImagePullSecret.
   *
   * @param plan the plan
   * @return one line per finding, naming the object, namespace, secret or field; no secret value
   */
  public List<String> findings(ImagePullSecretPlan plan) {
    return switch (this) {
      case INVALID -> plan.invalidSpec().stream().map(m -> plan.origin() + ": " + m).toList();
      case CONFLICT ->
          plan.changes(Action.CONFLICT).stream()
              .map(c -> plan.name() + ": " + c.namespace() + "/" + c.secret() + ": " + c.reason())
              .toList();
      case MISSING_SOURCE ->
          plan.sources().stream()
              .filter(ImagePullSecretPlan.Source::isMissing)
              .map(s -> plan.name() + ": source secret " + s.secret() + " does not exist")
              .toList();
    };
  }

  /**
   * Finds this kind in a whole plan.
   *
   * @param report the plan
   * @return one line per finding, by ImagePullSecret name
   */
  public List<String> findings(PlanReport report) {
    return report.plans().stream().flatMap(p -> findings(p).stream()).toList();
  }

  /**
   * Reads a kind as given on the command line.
   *
   * @param label e.g. {@code conflict}
   * @return the kind
   * @throws IllegalArgumentException naming the kinds there are
   */
  public static PlanFailure of(String label) {
    for (PlanFailure kind : values()) {
      if (kind.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown --fail-on kind '"
            + label
            + "'; expected "
            + Arrays.stream(values()).map(PlanFailure::label).collect(Collectors.joining(", ")));
  }
}
