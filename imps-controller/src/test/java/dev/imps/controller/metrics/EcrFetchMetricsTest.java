package dev.imps.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.credentials.ecr.EcrTokenCache.FetchResult;
import io.prometheus.client.CollectorRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EcrFetchMetricsTest {

  static Stream<Arguments> fetches() {
    return Stream.of(
        Arguments.of(List.of(), 0.0, 0.0),
        Arguments.of(List.of(FetchResult.SUCCESS), 1.0, 0.0),
        Arguments.of(List.of(FetchResult.SUCCESS, FetchResult.ERROR, FetchResult.ERROR), 1.0, 2.0));
  }

  @ParameterizedTest(name = "{0} count {1} successes and {2} errors")
  @MethodSource("fetches")
  void fetches_are_counted_by_result_and_both_series_start_at_zero(
      List<FetchResult> results, double successes, double errors) {
    CollectorRegistry registry = new CollectorRegistry(true);
    EcrFetchMetrics metrics = EcrFetchMetrics.register(registry);

    results.forEach(metrics::fetched);

    assertThat(value(registry, "success")).isEqualTo(successes);
    assertThat(value(registry, "error")).isEqualTo(errors);
  }

  private static Double value(CollectorRegistry registry, String result) {
    return registry.getSampleValue(
        "imps_ecr_token_fetches_total", new String[] {"result"}, new String[] {result});
  }
}
