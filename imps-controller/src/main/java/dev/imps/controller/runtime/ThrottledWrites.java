package dev.imps.controller.runtime;

import dev.imps.controller.metrics.OperatorMetrics;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every API write of the operator under the client-side {@link WriteRateLimiter}, counts it,
 * and retries a write the API server answered with 429 after its {@code Retry-After} (holding all
 * other writes for that time too). Thread-safe.
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

  /** How often a write answered with 429 is tried in all. */
  static final int MAX_ATTEMPTS = 4;

  /** The wait after a 429 answer without a usable {@code Retry-After}. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** The longest wait a {@code Retry-After} may impose. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private final WriteRateLimiter limiter;
  private final OperatorMetrics metrics;

  /**
   * Creates the wrapper.
   *
   * @param limiter the limiter all writes share
   * @param metrics where writes are counted
   */
  public ThrottledWrites(WriteRateLimiter limiter, OperatorMetrics metrics) {
    this.limiter = limiter;
    this.metrics = metrics;
  }

  /**
   * Sends one write once the limiter allows it; on 429 waits as asked and tries again, up to
   * {@value #MAX_ATTEMPTS} times.
   *
   * @param verb the verb for metrics ({@code create}, {@code patch}, {@code delete})
   * @param resource the resource for metrics ({@code secrets})
   * @param write the request
   * @param <T> the answer's type
   * @return the answer
   * @throws ApiException the API server's last rejection
   * @throws InterruptedException if interrupted while waiting
   */
  public <T> T send(String verb, String resource, Write<T> write)
      throws ApiException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      limiter.acquire();
      metrics.apiWrite(verb, resource);
      try {
        return write.send();
      } catch (ApiException e) {
        if (e.getCode() != 429 || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        metrics.apiThrottled(verb, resource);
        limiter.pauseFor(retryAfter(e.getResponseHeaders()).orElse(DEFAULT_RETRY_AFTER));
      }
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
}
