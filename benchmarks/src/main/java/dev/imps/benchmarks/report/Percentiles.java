package dev.imps.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of one run's samples, by the nearest-rank method (no interpolation). */
public final class Percentiles {

  private Percentiles() {}

  /**
   * Returns the nearest-rank percentile: the smallest sample such that at least {@code p} of all
   * samples are less than or equal to it.
   *
   * @param samples the samples, at least one
   * @param p the fraction, more than 0 and at most 1 (0.5 for the median, 0.99 for p99)
   * @return the sample at rank {@code ceil(p * n)}
   * @throws IllegalArgumentException if {@code samples} is empty or {@code p} is out of range
   */
  public static double nearestRank(List<Double> samples, double p) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a percentile needs at least one sample");
    }
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile must be in (0, 1], got " + p);
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(1, rank) - 1);
  }
}
