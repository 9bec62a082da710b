package dev.imps.controller.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How many API writes may be in flight at once, adapted to the API server's answers (AIMD, as TCP
 * congestion control): a 429 halves the limit (multiplicative decrease, at most once per {@link
 * #DECREASE_WINDOW}, so one overload's burst of 429s counts once), and every fast answer grows it
 * by {@code 1/limit}, about one more write per round of answers (additive increase), up to the
 * ceiling. Slow answers do not grow it. It never goes below one, so writes always make progress.
 *
 * <p>Under an API server without API Priority and Fairness and with a small {@code
 * --max-mutating-requests-inflight}, this keeps imps near what the server takes instead of pausing
 * every write after each 429. It limits concurrency only; the rate ({@code --qps}, {@code --burst})
 * is {@link WriteRateLimiter}'s job.
 *
 * <p>Thread-safe: {@link #acquire()} blocks while the limit is reached; every acquire must be
 * followed by exactly one {@link #release}. A free place goes to a waiting {@link WriteLane#URGENT}
 * write before any bulk write.
 */
public final class AdaptiveWriteLimit {

  /** How an API server answered a write. */
  public enum Answer {
    /** It answered, success or a final error (4xx other than 429, 5xx). */
    ANSWERED,
    /** It answered 429 Too Many Requests. */
    THROTTLED,
    /** No answer (connection refused, timeout): says nothing about load. */
    NONE
  }

  /** An answer faster than this lets the limit grow. */
  public static final Duration FAST_ANSWER = Duration.ofSeconds(1);

  /** 429s within this time of a decrease do not decrease the limit again. */
  public static final Duration DECREASE_WINDOW = Duration.ofMillis(500);

  /**
   * In a latency-aware limit, an answer slower than this many times the usual latency (plus {@link
   * #LATENCY_SLACK}) counts as rising latency.
   */
  public static final double SLOW_FACTOR = 2.0;

  /** Latency added to the usual one before an answer counts as slow, so jitter does not. */
  public static final Duration LATENCY_SLACK = Duration.ofMillis(2);

  /** A slow answer multiplies the limit of a latency-aware limit by this (a 429 halves it). */
  public static final double SLOW_DECREASE = 0.75;

  /**
   * The usual latency is the fastest answer of the current and the previous window of this length,
   * so it follows an API server that is slower for good within two windows.
   */
  public static final Duration USUAL_LATENCY_WINDOW = Duration.ofSeconds(10);

  private final int ceiling;
  private final boolean latencyAware;
  private final LongSupplier nanoTime;
  private long windowStart;
  private long windowFastest = Long.MAX_VALUE;
  private long previousWindowFastest = Long.MAX_VALUE;
  private boolean answered;
  private int answersSinceDecrease;
  private double limit;
  private int inFlight;
  private int urgentWaiting;
  private long lastDecrease;
  private boolean decreased;

  private AdaptiveWriteLimit(int ceiling, boolean latencyAware, LongSupplier nanoTime) {
    this.ceiling = ceiling;
    this.latencyAware = latencyAware;
    this.nanoTime = nanoTime;
    this.limit = ceiling;
  }

  /**
   * Creates a limit that starts at its ceiling.
   *
   * @param ceiling the most writes ever in flight, at least 1
   * @return the limit
   * @throws IllegalArgumentException if {@code ceiling} is less than 1
   */
  public static AdaptiveWriteLimit create(int ceiling) {
    return create(ceiling, System::nanoTime);
  }

  static AdaptiveWriteLimit create(int ceiling, LongSupplier nanoTime) {
    return create(ceiling, false, nanoTime);
  }

  /**
   * Creates a limit that also backs off on rising latency (adaptive mode, {@code --write-rate
   * adaptive}), as TCP Vegas does: an answer slower than {@value #SLOW_FACTOR} times the usual
   * latency plus {@link #LATENCY_SLACK} multiplies the limit by {@value #SLOW_DECREASE}, at most
   * once per round of answers (as many answers as the limit allows in flight), and does not grow
   * it. So each round of answers either grows the limit by one or shrinks it by a quarter, and the
   * limit settles where more writes in flight would only queue at the API server, raising every
   * client's latency without adding throughput. The usual latency is the fastest answer of the last
   * one or two {@link #USUAL_LATENCY_WINDOW}s. It starts at the ceiling.
   *
   * @param ceiling the most writes ever in flight, at least 1
   * @return the limit
   * @throws IllegalArgumentException if {@code ceiling} is less than 1
   */
  public static AdaptiveWriteLimit latencyAware(int ceiling) {
    return create(ceiling, true, System::nanoTime);
  }

  static AdaptiveWriteLimit create(int ceiling, boolean latencyAware, LongSupplier nanoTime) {
    if (ceiling < 1) {
      throw new IllegalArgumentException(
          "write concurrency ceiling must be at least 1, got " + ceiling);
    }
    return new AdaptiveWriteLimit(
        ceiling, latencyAware, Objects.requireNonNull(nanoTime, "nanoTime"));
  }

  /**
   * Waits until one more write may be in flight, and counts it.
   *
   * @throws InterruptedException if interrupted while waiting; nothing is counted then
   */
  public void acquire() throws InterruptedException {
    acquire(WriteLane.BULK);
  }

  /**
   * Waits until one more write of the given lane may be in flight, and counts it. A bulk write also
   * waits while an urgent write waits.
   *
   * @param lane the write's lane
   * @throws InterruptedException if interrupted while waiting; nothing is counted then
   */
  public synchronized void acquire(WriteLane lane) throws InterruptedException {
    if (lane == WriteLane.URGENT) {
      urgentWaiting++;
      try {
        while (inFlight >= current()) {
          wait();
        }
      } finally {
        urgentWaiting--;
        notifyAll();
      }
    } else {
      while (inFlight >= current() || urgentWaiting > 0) {
        wait();
      }
    }
    inFlight++;
  }

  /**
   * Counts a write as done and adapts the limit to its answer.
   *
   * @param answer how the API server answered
   * @param latency how long the answer took
   */
  public synchronized void release(Answer answer, Duration latency) {
    if (inFlight > 0) {
      inFlight--;
    }
    long now = nanoTime.getAsLong();
    answersSinceDecrease++;
    if (answer == Answer.THROTTLED) {
      if (!decreased || now - lastDecrease >= DECREASE_WINDOW.toNanos()) {
        decrease(now, 0.5);
      }
    } else if (answer == Answer.ANSWERED && latencyAware && slow(now, latency.toNanos())) {
      if (!decreased || answersSinceDecrease >= limit) {
        decrease(now, SLOW_DECREASE);
      }
    } else if (answer == Answer.ANSWERED && latency.compareTo(FAST_ANSWER) < 0) {
      limit = Math.min(ceiling, limit + 1 / limit);
    }
    notifyAll();
  }

  private void decrease(long now, double factor) {
    limit = Math.max(1, limit * factor);
    lastDecrease = now;
    decreased = true;
    answersSinceDecrease = 0;
  }

  /** Tells whether an answer is slow against the usual latency, and updates the usual latency. */
  private boolean slow(long now, long latencyNanos) {
    long window = USUAL_LATENCY_WINDOW.toNanos();
    if (!answered || now - windowStart >= window) {
      // The window just ended is the previous one, unless no answer came for a whole window.
      previousWindowFastest =
          answered && now - windowStart < 2 * window ? windowFastest : Long.MAX_VALUE;
      windowFastest = Long.MAX_VALUE;
      windowStart = now;
      answered = true;
    }
    windowFastest = Math.min(windowFastest, latencyNanos);
    long usual = Math.min(windowFastest, previousWindowFastest);
    return latencyNanos > SLOW_FACTOR * usual + LATENCY_SLACK.toNanos();
  }

  /**
   * Returns how many writes may be in flight now.
   *
   * @return between 1 and the ceiling
   */
  public synchronized int current() {
    return (int) Math.floor(limit);
  }

  /**
   * Returns how many writes are in flight.
   *
   * @return the count
   */
  public synchronized int inFlight() {
    return inFlight;
  }

  /**
   * Returns the most writes ever in flight.
   *
   * @return the ceiling
   */
  public int ceiling() {
    return ceiling;
  }
}
