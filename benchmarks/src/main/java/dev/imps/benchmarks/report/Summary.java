package dev.imps.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The median, minimum and maximum of a figure measured in several runs.
 *
 * @param median the median of the runs (the mean of the two middle runs for an even count)
 * @param min the smallest run
 * @param max the largest run
 * @param runs the runs, in the order measured
 */
public record Summary(double median, double min, double max, List<Double> runs) {

  /**
   * Validates and copies the runs.
   *
   * @throws IllegalArgumentException if there is no run or a run is not a finite number
   */
  public Summary {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a summary needs at least one run");
    }
  }

  /**
   * Summarises the runs of one figure.
   *
   * @param runs one value per run, at least one, all finite
   * @return the summary
   * @throws IllegalArgumentException if {@code runs} is empty or holds a value that is not finite
   */
  public static Summary of(List<Double> runs) {
    Objects.requireNonNull(runs, "runs must not be null");
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a summary needs at least one run");
    }
    List<Double> sorted = new ArrayList<>(runs.size());
    for (Double run : runs) {
      if (run == null || !Double.isFinite(run)) {
        throw new IllegalArgumentException("run values must be finite numbers, got " + run);
      }
      sorted.add(run);
    }
    Collections.sort(sorted);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Summary(median, sorted.get(0), sorted.get(n - 1), runs);
  }

  /**
   * Summarises runs given as an array.
   *
   * @param runs one value per run
   * @return the summary
   */
  public static Summary of(double... runs) {
    List<Double> list = new ArrayList<>(runs.length);
    for (double run : runs) {
      list.add(run);
    }
    return of(list);
  }

  /**
   * Returns how many runs there were.
   *
   * @return the count
   */
  public int count() {
    return runs.size();
  }
}
