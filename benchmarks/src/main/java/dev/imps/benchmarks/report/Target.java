package dev.imps.benchmarks.report;

import java.util.Objects;

/**
 * What a figure must reach, as the issue states it, and which statistic of the runs is checked.
 *
 * <p>Bounds on time, memory and ratios are checked on the median of the runs; "none at all" bounds
 * ({@link #noneInAnyRun()}) on the largest run, so a single run with a write fails them.
 *
 * @param text the target as printed, for example {@code ≤ 1.3 × limit}
 * @param statistic which statistic is compared
 * @param comparison how it is compared
 * @param bound the bound
 */
public record Target(String text, Statistic statistic, Comparison comparison, double bound) {

  /** Which statistic of a {@link Summary} a target checks. */
  public enum Statistic {
    /** The median of the runs. */
    MEDIAN,
    /** The largest run. */
    MAX
  }

  /** How the statistic is compared with the bound. */
  public enum Comparison {
    /** No target: the figure is for information. */
    NONE,
    /** The statistic must be less than the bound. */
    BELOW,
    /** The statistic must be less than or equal to the bound. */
    AT_MOST
  }

  /** The outcome of checking a figure. */
  public enum Verdict {
    /** The figure reaches the target. */
    MET,
    /** The figure misses the target. */
    MISSED,
    /** The figure has no target. */
    NONE
  }

  private static final Target NONE = new Target("", Statistic.MEDIAN, Comparison.NONE, 0);

  /**
   * Validates the target.
   *
   * @throws NullPointerException if a component is null
   */
  public Target {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(comparison, "comparison");
  }

  /**
   * Returns the absence of a target.
   *
   * @return the shared instance
   */
  public static Target none() {
    return NONE;
  }

  /**
   * The median must be below a bound.
   *
   * @param bound the exclusive bound
   * @param text how the target is printed
   * @return the target
   */
  public static Target medianBelow(double bound, String text) {
    return new Target(text, Statistic.MEDIAN, Comparison.BELOW, bound);
  }

  /**
   * The median must be at most a bound.
   *
   * @param bound the inclusive bound
   * @param text how the target is printed
   * @return the target
   */
  public static Target medianAtMost(double bound, String text) {
    return new Target(text, Statistic.MEDIAN, Comparison.AT_MOST, bound);
  }

  /**
   * Every run must be at most a bound.
   *
   * @param bound the inclusive bound
   * @param text how the target is printed
   * @return the target
   */
  public static Target everyRunAtMost(double bound, String text) {
    return new Target(text, Statistic.MAX, Comparison.AT_MOST, bound);
  }

  /**
   * Every run must count zero.
   *
   * @return the target {@code = 0}
   */
  public static Target noneInAnyRun() {
    return everyRunAtMost(0, "0");
  }

  /**
   * Checks a figure.
   *
   * @param value the figure's runs
   * @return whether the target is met, or {@link Verdict#NONE} if there is no target
   */
  public Verdict check(Summary value) {
    Objects.requireNonNull(value, "value");
    return check(statistic == Statistic.MEDIAN ? value.median() : value.max());
  }

  /**
   * Checks one number, such as a ratio of medians, against the bound.
   *
   * @param value the number
   * @return whether the target is met, or {@link Verdict#NONE} if there is no target
   */
  public Verdict check(double value) {
    switch (comparison) {
      case BELOW:
        return value < bound ? Verdict.MET : Verdict.MISSED;
      case AT_MOST:
        return value <= bound ? Verdict.MET : Verdict.MISSED;
      default:
        return Verdict.NONE;
    }
  }
}
