package dev.imps.controller.runtime;

/**
 * How the operator paces its API writes ({@code --write-rate}).
 *
 * <ul>
 *   <li>{@link Kind#FIXED}: a fixed budget, {@code --qps} writes per second with bursts of {@code
 *       --burst}, {@code --write-threads} in parallel; 429s still lower the writes in flight.
 *   <li>{@link Kind#ADAPTIVE}: no rate; as many writes in flight as the API server answers without
 *       429s or rising latency ({@link AdaptiveWriteLimit#latencyAware}), at most {@code
 *       --max-writes-in-flight}.
 * </ul>
 *
 * @param kind fixed or adaptive
 * @param maxInFlight the most writes in flight in adaptive mode; ignored in fixed mode
 */
public record WriteMode(Kind kind, int maxInFlight) {

  /** The two ways to pace writes. */
  public enum Kind {
    /** {@code --qps}, {@code --burst} and {@code --write-threads}. */
    FIXED,
    /** AIMD on writes in flight, bounded by {@code --max-writes-in-flight}. */
    ADAPTIVE
  }

  /** The default ceiling of writes in flight in adaptive mode, {@value}. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 32;

  /**
   * Validates the mode.
   *
   * @throws IllegalArgumentException if the kind is missing or the maximum is below 1
   */
  public WriteMode {
    if (kind == null) {
      throw new IllegalArgumentException("--write-rate must be fixed or adaptive");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "--max-writes-in-flight must be at least 1, got " + maxInFlight);
    }
  }

  /**
   * Returns the fixed budget of {@code --qps} and {@code --burst}.
   *
   * @return the mode
   */
  public static WriteMode fixed() {
    return new WriteMode(Kind.FIXED, DEFAULT_MAX_IN_FLIGHT);
  }

  /**
   * Returns the adaptive mode.
   *
   * @param maxInFlight the most writes in flight, at least 1
   * @return the mode
   * @throws IllegalArgumentException if {@code maxInFlight} is below 1
   */
  public static WriteMode adaptive(int maxInFlight) {
    return new WriteMode(Kind.ADAPTIVE, maxInFlight);
  }

  /**
   * Tells whether writes are paced adaptively.
   *
   * @return true in adaptive mode
   */
  public boolean adaptive() {
    return kind == Kind.ADAPTIVE;
  }
}
