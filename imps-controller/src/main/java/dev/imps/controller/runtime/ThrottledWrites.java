package dev.imps.controller.runtime;

import dev.imps.controller.metrics.OperatorMetrics;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs every API write of the operator under the client-side {@link WriteRateLimiter} (rate) and
 * the {@link AdaptiveWriteLimit} (writes in flight), and counts it. A write the API server answers
 * with 429 is never abandoned: it waits its {@code Retry-After} (only that write; the others go on
 * under the lowered concurrency) and is sent again until it gets an answer. Writes of the {@link
 * WriteLane#URGENT} lane (namespace passes) go before waiting bulk writes at both limits.
 * Thread-safe.
 */
public final class ThrottledWrites {

  /** One write request. */
  @FunctionalInterface
  public interface Write<T> {
    /**
     * Sends the request.
     *
     * @return the answer
     * @throws ApiException if the API server rejects it
     */
    T send() throws ApiException;
  }

  /** The wait after a 429 answer without a usable {@code Retry-After}. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** The longest wait a {@code Retry-After} may impose. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  /** The ceiling of writes in flight when none is given: the default write threads and workers. */
  static final int DEFAULT_CONCURRENCY = 10;

  private final WriteRateLimiter limiter;
  private final AdaptiveWriteLimit concurrency;
  private final OperatorMetrics metrics;
  private final WriteRateLimiter.Sleeper sleeper;
  private final LongSupplier nanoTime;

  /**
   * Creates the wrapper with an adaptive concurrency of at most {@value #DEFAULT_CONCURRENCY}.
   *
   * @param limiter the rate limiter all writes share
   * @param metrics where writes are counted
   */
  public ThrottledWrites(WriteRateLimiter limiter, OperatorMetrics metrics) {
    this(limiter, AdaptiveWriteLimit.create(DEFAULT_CONCURRENCY), metrics);
  }

  /**
   * Creates the wrapper.
   *
   * @param limiter the rate limiter all writes share
   * @param concurrency the limit of writes in flight all writes share
   * @param metrics where writes are counted
   */
  public ThrottledWrites(
      WriteRateLimiter limiter, AdaptiveWriteLimit concurrency, OperatorMetrics metrics) {
    this(limiter, concurrency, metrics, ThrottledWrites::sleepNanos, System::nanoTime);
  }

  ThrottledWrites(
      WriteRateLimiter limiter,
      AdaptiveWriteLimit concurrency,
      OperatorMetrics metrics,
      WriteRateLimiter.Sleeper sleeper,
      LongSupplier nanoTime) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.concurrency = Objects.requireNonNull(concurrency, "concurrency");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  /**
   * Returns the limit of writes in flight.
   *
   * @return the adaptive limit
   */
  public AdaptiveWriteLimit concurrency() {
    return concurrency;
  }

  /**
   * Sends one write once the rate and the concurrency limit allow it; on 429 waits as asked (that
   * write only) and tries again, until the API server answers otherwise.
   *
   * @param verb the verb for metrics ({@code create}, {@code patch}, {@code delete})
   * @param resource the resource for metrics ({@code secrets})
   * @param write the request
   * @param <T> the answer's type
   * @return the answer
   * @throws ApiException the API server's rejection other than 429
   * @throws InterruptedException if interrupted while waiting (e.g. the operator stops)
   */
  public <T> T send(String verb, String resource, Write<T> write)
      throws ApiException, InterruptedException {
    WriteLane lane = WriteLane.current();
    while (true) {
      limiter.acquire(lane);
      concurrency.acquire(lane);
      metrics.apiWrite(verb, resource);
      long start = nanoTime.getAsLong();
      AdaptiveWriteLimit.Answer answer = AdaptiveWriteLimit.Answer.NONE;
      Duration wait;
      try {
        T result = write.send();
        answer = AdaptiveWriteLimit.Answer.ANSWERED;
        return result;
      } catch (ApiException e) {
        if (e.getCode() != 429) {
          answer =
              e.getCode() == 0
                  ? AdaptiveWriteLimit.Answer.NONE
                  : AdaptiveWriteLimit.Answer.ANSWERED;
          throw e;
        }
        answer = AdaptiveWriteLimit.Answer.THROTTLED;
        metrics.apiThrottled(verb, resource);
        wait = retryAfter(e.getResponseHeaders()).orElse(DEFAULT_RETRY_AFTER);
      } finally {
        concurrency.release(answer, Duration.ofNanos(nanoTime.getAsLong() - start));
      }
      sleeper.sleep(wait.toNanos());
    }
  }

  /**
   * Reads the {@code Retry-After} seconds of an answer, capped at {@link #MAX_RETRY_AFTER}.
   *
   * @param headers the answer's headers, any case
   * @return the wait, or empty if absent or not a number of seconds
   */
  static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("retry-after".equalsIgnoreCase(header.getKey())
          && header.getValue() != null
          && !header.getValue().isEmpty()) {
        try {
          long seconds = Long.parseLong(header.getValue().get(0).trim());
          if (seconds < 0) {
            return Optional.empty();
          }
          Duration wait = Duration.ofSeconds(seconds);
          return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }
}
