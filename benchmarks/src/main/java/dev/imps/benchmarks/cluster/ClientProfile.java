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
 * @param adaptive whether imps runs with {@code --write-rate=adaptive --max-writes-in-flight
 *     parallel} (no rate of its own) while the loop runs {@code parallel} threads at {@code qps}
 */
public record ClientProfile(double qps, int burst, int parallel, boolean adaptive) {

  /** imps's defaults: {@code --qps 50 --burst 100 --write-threads 8}. */
  public static final ClientProfile IMPS_DEFAULTS = new ClientProfile(50, 100, 8);

  /**
   * A rate limit far above what the API server can serve, so the API server is the limit; 32
   * parallel writes saturate it on a 2-core machine (measured: 8 reach about 70 % of it, 64 add
   * little over 32).
   */
  public static final ClientProfile UNTHROTTLED = new ClientProfile(100_000, 100_000, 32);

  /**
   * Creates a fixed-budget profile: imps runs with {@code --qps}, {@code --burst} and {@code
   * --write-threads}.
   *
   * @param qps sustained writes per second
   * @param burst writes that may go at once
   * @param parallel writes in flight at once
   * @throws IllegalArgumentException if a setting is out of range
   */
  public ClientProfile(double qps, int burst, int parallel) {
    this(qps, burst, parallel, false);
  }

  /**
   * Returns the adaptive profile: imps in adaptive mode with at most {@code maxInFlight} writes in
   * flight, against a tight loop as fast as the API server answers with as many threads.
   *
   * @param maxInFlight the ceiling, at least 1
   * @return the profile
   */
  public static ClientProfile adaptive(int maxInFlight) {
    return new ClientProfile(UNTHROTTLED.qps(), UNTHROTTLED.burst(), maxInFlight, true);
  }

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
   * Parses {@code QPS/BURST/PARALLEL}, such as {@code 50/100/8}, or {@code adaptive/MAX_IN_FLIGHT},
   * such as {@code adaptive/32}.
   *
   * @param text the profile
   * @return the profile
   * @throws IllegalArgumentException if the text is not three positive numbers separated by {@code
   *     /}
   */
  public static ClientProfile parse(String text) {
    String[] parts = text.strip().split("/");
    if (parts.length == 2 && parts[0].equals("adaptive")) {
      try {
        return adaptive(Integer.parseInt(parts[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "client profile '" + text + "' must be adaptive/MAX_IN_FLIGHT, such as adaptive/32", e);
      }
    }
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
   * @return {@code --qps}, {@code --burst} and {@code --write-threads}, or {@code --write-rate} and
   *     {@code --max-writes-in-flight}
   */
  public List<String> operatorFlags() {
    if (adaptive) {
      return List.of("--write-rate=adaptive", "--max-writes-in-flight=" + parallel);
    }
    return List.of("--qps=" + formatQps(), "--burst=" + burst, "--write-threads=" + parallel);
  }

  /**
   * Returns how the profile is printed.
   *
   * @return {@code qps 50, burst 100, 8 parallel}
   */
  public String label() {
    if (adaptive) {
      return "adaptive, at most " + parallel + " in flight (loop: " + parallel + " parallel)";
    }
    return "qps " + formatQps() + ", burst " + burst + ", " + parallel + " parallel";
  }

  private String formatQps() {
    return qps == Math.rint(qps)
        ? Long.toString((long) qps)
        : String.format(Locale.ROOT, "%s", qps);
  }
}
