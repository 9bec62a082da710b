package dev.imps.controller.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to render credentials again so that expiring ones (ECR tokens) are replaced long before they
 * expire: after half their remaining life, but not sooner than {@link #MIN_DELAY} (an expired or
 * nearly expired token must not make a busy loop) and not later than the periodic interval. The
 * operator's reconciler and {@code imps refresh} both use it. Stateless.
 */
public final class HalfLifeRequeue {

  /** The shortest delay, even for a credential that has expired. */
  public static final Duration MIN_DELAY = Duration.ofSeconds(5);

  private HalfLifeRequeue() {}

  /**
   * Returns the delay until the next render.
   *
   * @param now the time of this render
   * @param earliestExpiry when the first rendered credential expires, or empty if none does
   * @param periodicInterval the longest delay
   * @return half the remaining life, within [{@link #MIN_DELAY}, {@code periodicInterval}]; the
   *     interval when nothing expires
   * @throws NullPointerException if an argument is {@code null}
   */
  public static Duration after(
      Instant now, Optional<Instant> earliestExpiry, Duration periodicInterval) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(periodicInterval, "periodicInterval");
    if (earliestExpiry.isEmpty()) {
      return periodicInterval;
    }
    Duration half = Duration.between(now, earliestExpiry.get()).dividedBy(2);
    if (half.compareTo(MIN_DELAY) < 0) {
      half = MIN_DELAY;
    }
    return half.compareTo(periodicInterval) < 0 ? half : periodicInterval;
  }
}
