package dev.imps.testsupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; thread-safe. */
public final class MovableClock extends Clock {

  private volatile Instant now;

  private MovableClock(Instant start) {
    this.now = start;
  }

  /**
   * Starts at an instant.
   *
   * @param start the first reading
   * @return the clock
   */
  public static MovableClock at(Instant start) {
    return new MovableClock(start);
  }

  /**
   * Starts at the real current time, for tests that talk to servers stamping real times.
   *
   * @return the clock
   */
  public static MovableClock atRealNow() {
    return new MovableClock(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @param by how far
   */
  public void advance(Duration by) {
    now = now.plus(by);
  }

  /**
   * Sets the clock.
   *
   * @param instant the new reading
   */
  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
