package dev.imps.controller.metrics;

import dev.imps.credentials.ecr.EcrTokenCache;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.util.Locale;

/**
 * Counts ECR token fetches by result ({@code imps_ecr_token_fetches_total{result="success"}} or
 * {@code "error"}): one per call to ECR, however many reconciles shared it, and none for a token
 * served from the cache. Thread-safe.
 */
public final class EcrFetchMetrics implements EcrTokenCache.FetchObserver {

  private final Counter fetches;

  private EcrFetchMetrics(CollectorRegistry registry) {
    fetches =
        Counter.build(
                "imps_ecr_token_fetches_total",
                "ECR authorization token fetches (GetAuthorizationToken calls), by result.")
            .labelNames("result")
            .register(registry);
    for (EcrTokenCache.FetchResult result : EcrTokenCache.FetchResult.values()) {
      fetches.labels(label(result)); // Both series exist from the start, at 0.
    }
  }

  /**
   * Creates the counter and registers it in {@code registry}.
   *
   * @param registry where to register
   * @return the observer to give the ECR token cache
   * @throws IllegalArgumentException if the counter is already registered there
   */
  public static EcrFetchMetrics register(CollectorRegistry registry) {
    return new EcrFetchMetrics(registry);
  }

  @Override
  public void fetched(EcrTokenCache.FetchResult result) {
    fetches.labels(label(result)).inc();
  }

  private static String label(EcrTokenCache.FetchResult result) {
    return result.name().toLowerCase(Locale.ROOT);
  }
}
