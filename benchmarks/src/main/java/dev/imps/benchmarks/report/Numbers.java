package dev.imps.benchmarks.report;

import java.util.Locale;

/** How figures are printed: three significant digits at most, integers as integers. */
public final class Numbers {

  private Numbers() {}

  /**
   * Formats a figure for the table.
   *
   * @param value the number
   * @return {@code 12}, {@code 1234}, {@code 18.4}, {@code 2.35}, {@code 0.0853}
   */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    double abs = Math.abs(value);
    if (value == Math.rint(value) && abs < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
