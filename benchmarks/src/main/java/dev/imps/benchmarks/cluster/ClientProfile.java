package dev.imps.benchmarks.cluster;

import java.util.List;
import java.util.Locale;

/**
 * The client settings imps and the tight loop share in one comparison: the client-side write rate
 * limit ({@code --qps}, {@code --burst}) and how many writes run in parallel ({@code
 * --write-threads} for imps, threads for the loop).
 *
 * @param qps sustained writes per second
 * @param burst writes that may go at once
 * @param parallel writes in flight at once
 */
public record ClientProfile(double qps, int burst, int parallel) {

  /** imps's defaults: {@code --qps 50 --burst 100 --write-threads 8}. */
  public static final ClientProfile IMPS_DEFAULTS = new ClientProfile(50, 100, 8);

  /**
   * A rate limit far above what the API server can serve, so the API server is the limit; 32
   * parallel writes saturate it on a 2-core machine (measured: 8 reach about 70 % of it, 64 add
   * little over 32).
   */
  public static final ClientProfile UNTHROTTLED = new ClientProfile(100_000, 100_000, 32);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public ClientProfile {
    if (!(qps > 0) || Double.isInfinite(qps)) {
      throw new IllegalArgumentException("qps must be a positive number, got " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel writes must be at least 1, got " + parallel);
    }
  }

  /**
   * Parses {@code QPS/BURST/PARALLEL}, such as {@code 50/100/8}.
   *
   * @param text the profile
   * @return the profile
   * @throws IllegalArgumentException if the text is not three positive numbers separated by {@code
   *     /}
   */
  public static ClientProfile parse(String text) {
    String[] parts = text.strip().split("/");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "client profile '" + text + "' must be QPS/BURST/PARALLEL, such as 50/100/8");
    }
    try {
      return new ClientProfile(
          Double.parseDouble(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "client profile '" + text + "' must be QPS/BURST/PARALLEL, such as 50/100/8", e);
    }
  }

  /**
   * Returns the operator flags that set this profile.
   *
   * @return {@code --qps}, {@code --burst} and {@code --write-threads}
   */
  public List<String> operatorFlags() {
    return List.of("--qps=" + formatQps(), "--burst=" + burst, "--write-threads=" + parallel);
  }

  /**
   * Returns how the profile is printed.
   *
   * @return {@code qps 50, burst 100, 8 parallel}
   */
  public String label() {
    return "qps " + formatQps() + ", burst " + burst + ", " + parallel + " parallel";
  }

  private String formatQps() {
    return qps == Math.rint(qps)
        ? Long.toString((long) qps)
        : String.format(Locale.ROOT, "%s", qps);
  }
}
