package dev.imps.benchmarks.ecr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock the benchmark moves by hand to simulate a day in seconds. Thread-safe.
 *
 * <p>It also knows how far it is ahead of the real clock, so the AWS side can be moved with it
 * ({@link ExpiryShiftingProxy}).
 */
public final class SimulatedClock extends Clock {

  private final Instant start;
  private volatile Duration moved = Duration.ZERO;

  private SimulatedClock(Instant start) {
    this.start = start;
  }

  /**
   * Starts at the real current time.
   *
   * @return the clock
   */
  public static SimulatedClock startingNow() {
    return new SimulatedClock(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @param by how far, not negative
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public void advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + by);
    }
    synchronized (this) {
      moved = moved.plus(by);
    }
  }

  /**
   * Returns how far the clock has been moved in all.
   *
   * @return the simulated time that has passed
   */
  public Duration moved() {
    return moved;
  }

  /**
   * Returns how far this clock is ahead of the real clock now: the time moved minus the real time
   * that has passed since the start.
   *
   * @return the offset to add to a real instant to get the simulated one
   */
  public Duration aheadOfRealTime() {
    return Duration.between(Instant.now(), instant());
  }

  @Override
  public Instant instant() {
    return start.plus(moved);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is UTC only");
  }
}
