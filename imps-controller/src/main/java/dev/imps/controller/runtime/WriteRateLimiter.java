package dev.imps.controller.runtime;

import java.util.function.LongSupplier;

/**
 * A client-side token bucket for API writes: at most {@code qps} writes per second on average, with
 * bursts of up to {@code burst}. A 429 answer does not pause it: the throttled write alone waits,
 * and {@link AdaptiveWriteLimit} lowers how many writes are in flight.
 *
 * <p>{@link #acquire()} reserves a token and sleeps until it is due, so callers queue fairly in the
 * order they asked. With lanes ({@link #acquire(WriteLane)}), an urgent write reserves that way,
 * while a bulk write takes a token only when one is there and no reservation is pending: bulk
 * writes never reserve ahead, so an urgent write waits at most for the next token, however many
 * bulk writes wait. The rate is the same for both. Thread-safe.
 */
public final class WriteRateLimiter {

  /** Sleeps for a number of nanoseconds; replaced in tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double qps;
  private final boolean unlimited;
  private final int burst;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private double tokens;
  private long lastRefill;

  private WriteRateLimiter(
      double qps, int burst, boolean unlimited, LongSupplier nanoTime, Sleeper sleeper) {
    this.qps = qps;
    this.unlimited = unlimited;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.tokens = burst;
    this.lastRefill = nanoTime.getAsLong();
  }

  /**
   * Creates a limiter that starts with a full bucket.
   *
   * @param qps the sustained writes per second, more than zero
   * @param burst how many writes may go at once, at least 1
   * @return the limiter
   * @throws IllegalArgumentException if {@code qps} or {@code burst} is out of range
   */
  public static WriteRateLimiter create(double qps, int burst) {
    return create(qps, burst, System::nanoTime, WriteRateLimiter::sleepNanos);
  }

  static WriteRateLimiter create(double qps, int burst, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(qps > 0) || Double.isInfinite(qps)) {
      throw new IllegalArgumentException("qps must be a positive number, got " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
    return new WriteRateLimiter(qps, burst, false, nanoTime, sleeper);
  }

  /**
   * Creates a limiter that never waits, for adaptive mode, where {@link AdaptiveWriteLimit} alone
   * paces writes.
   *
   * @return the limiter; {@link #qps()} is infinite
   */
  public static WriteRateLimiter unlimited() {
    return new WriteRateLimiter(
        Double.POSITIVE_INFINITY, Integer.MAX_VALUE, true, System::nanoTime, n -> {});
  }

  /**
   * Waits until one more write may start.
   *
   * @throws InterruptedException if the thread is interrupted while waiting; the token stays spent
   */
  public void acquire() throws InterruptedException {
    if (unlimited) {
      return;
    }
    long wait = reserve();
    if (wait > 0) {
      sleeper.sleep(wait);
    }
  }

  /**
   * Waits until one more write of the given lane may start: an urgent write reserves the next token
   * as {@link #acquire()} does; a bulk write waits until a token is free with no urgent reservation
   * ahead of it.
   *
   * @param lane the write's lane
   * @throws InterruptedException if the thread is interrupted while waiting; an urgent write's
   *     token stays spent, a bulk write has taken none
   */
  public void acquire(WriteLane lane) throws InterruptedException {
    if (unlimited || lane == WriteLane.URGENT) {
      acquire();
      return;
    }
    long wait;
    while ((wait = takeIfFree()) > 0) {
      sleeper.sleep(wait);
    }
  }

  /**
   * Returns the sustained rate.
   *
   * @return writes per second
   */
  public double qps() {
    return qps;
  }

  /**
   * Returns the burst size.
   *
   * @return how many writes may go at once
   */
  public int burst() {
    return burst;
  }

  /** Takes a token, going into debt if none is left, and returns how long to wait for it. */
  synchronized long reserve() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - lastRefill) * qps / NANOS_PER_SECOND);
    lastRefill = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS_PER_SECOND / qps);
  }

  /** Takes a token if a whole one is free and returns 0, else how long until one will be. */
  synchronized long takeIfFree() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - lastRefill) * qps / NANOS_PER_SECOND);
    lastRefill = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / qps));
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }
}
