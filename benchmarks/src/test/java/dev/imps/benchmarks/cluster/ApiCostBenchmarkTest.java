package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.envtest.metrics.ApiServerRequests.Key;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiCostBenchmarkTest {

  @Test
  void counts_print_as_verb_resource_and_number() {
    assertThat(
            ApiCostBenchmark.describe(
                Map.of(
                    new Key("WATCH", "secrets", ""),
                    2.0,
                    new Key("PATCH", "imagepullsecrets", "status"),
                    1.0)))
        .isEqualTo("PATCH imagepullsecrets/status 1, WATCH secrets 2");
    assertThat(ApiCostBenchmark.describe(Map.of())).isEqualTo("no requests");
    assertThat(Set.of("secrets")).isSubsetOf(ApiCostBenchmark.OPERATOR_RESOURCES);
  }
}
