package dev.imps.benchmarks.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the results table: a measured figure, the physical limit it is compared with if there
 * is one, and its target.
 *
 * @param section the benchmark it belongs to, such as {@code convergence}
 * @param name what was measured, such as {@code 1000 namespaces, qps 50/100}
 * @param value imps's figure over the runs
 * @param unit the unit of {@code value} and {@code limit}, such as {@code s}
 * @param limit the same measurement for the tight client loop (the API server's limit), if any
 * @param target what the figure must reach; with a limit, the target bounds {@link #ratio()}
 * @param note how it was measured, or what explains a miss; may be empty
 */
public record Figure(
    String section,
    String name,
    Summary value,
    String unit,
    Optional<Summary> limit,
    Target target,
    String note) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Figure {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(note, "note");
  }

  /**
   * Creates a figure without a limit.
   *
   * @param section the benchmark
   * @param name what was measured
   * @param value the runs
   * @param unit the unit
   * @param target the target, or {@link Target#none()}
   * @param note how it was measured; may be empty
   * @return the figure
   */
  public static Figure of(
      String section, String name, Summary value, String unit, Target target, String note) {
    return new Figure(section, name, value, unit, Optional.empty(), target, note);
  }

  /**
   * Creates a figure compared with the limit; the target bounds imps / limit.
   *
   * @param section the benchmark
   * @param name what was measured
   * @param value imps's runs
   * @param limit the limit's runs
   * @param unit the unit of both
   * @param target the bound on the ratio of medians
   * @param note how it was measured; may be empty
   * @return the figure
   */
  public static Figure againstLimit(
      String section,
      String name,
      Summary value,
      Summary limit,
      String unit,
      Target target,
      String note) {
    return new Figure(section, name, value, unit, Optional.of(limit), target, note);
  }

  /**
   * Returns imps's median divided by the limit's median.
   *
   * @return the ratio, or empty without a limit
   */
  public Optional<Double> ratio() {
    return limit.map(l -> value.median() / l.median());
  }

  /**
   * Checks the target: on the ratio of medians when there is a limit, otherwise on the statistic
   * the target names.
   *
   * @return the verdict
   */
  public Target.Verdict verdict() {
    return ratio().map(target::check).orElseGet(() -> target.check(value));
  }
}
