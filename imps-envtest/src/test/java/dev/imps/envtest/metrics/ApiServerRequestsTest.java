package dev.imps.envtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.envtest.metrics.ApiServerRequests.Key;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiServerRequestsTest {

  private static final String BEFORE =
      """
      apiserver_request_total{code="200",resource="secrets",subresource="",verb="LIST"} 3
      apiserver_request_total{code="200",resource="namespaces",subresource="",verb="GET"} 10
      apiserver_request_total{code="0",resource="pods",subresource="",verb="WATCH"} 1
      """;
  private static final String AFTER =
      """
      apiserver_request_total{code="200",resource="secrets",subresource="",verb="LIST"} 3
      apiserver_request_total{code="200",resource="namespaces",subresource="",verb="GET"} 14
      apiserver_request_total{code="201",resource="secrets",subresource="",verb="POST"} 5
      apiserver_request_total{code="409",resource="secrets",subresource="",verb="POST"} 1
      apiserver_request_total{code="200",resource="imagepullsecrets",subresource="status",verb="PATCH"} 2
      apiserver_request_total{code="200",resource="leases",subresource="",verb="PUT"} 9
      apiserver_request_total{code="200",resource="",subresource="",verb="GET"} 100
      apiserver_request_total{code="0",resource="pods",subresource="",verb="WATCH"} 1
      apiserver_longrunning_requests{resource="pods",verb="WATCH"} 4
      """;

  @Test
  void counts_are_summed_over_codes_by_verb_resource_and_subresource() {
    Map<Key, Double> counts = ApiServerRequests.count(PrometheusText.parse(AFTER));

    assertThat(counts)
        .containsEntry(new Key("POST", "secrets", ""), 6.0)
        .containsEntry(new Key("PATCH", "imagepullsecrets", "status"), 2.0)
        .hasSize(7);
  }

  @Test
  void the_delta_keeps_only_the_given_resources_and_only_what_increased() {
    Map<Key, Double> delta =
        ApiServerRequests.delta(
            ApiServerRequests.count(PrometheusText.parse(BEFORE)),
            ApiServerRequests.count(PrometheusText.parse(AFTER)),
            Set.of(
                "secrets", "namespaces", "pods", "imagepullsecrets", "serviceaccounts", "events"));

    assertThat(delta)
        .containsExactly(
            Map.entry(new Key("GET", "namespaces", ""), 4.0),
            Map.entry(new Key("PATCH", "imagepullsecrets", "status"), 2.0),
            Map.entry(new Key("POST", "secrets", ""), 6.0));
  }

  static Stream<Arguments> verbs() {
    return Stream.of(
        Arguments.of("POST", true),
        Arguments.of("PUT", true),
        Arguments.of("PATCH", true),
        Arguments.of("DELETE", true),
        Arguments.of("DELETECOLLECTION", true),
        Arguments.of("APPLY", true),
        Arguments.of("GET", false),
        Arguments.of("LIST", false),
        Arguments.of("WATCH", false));
  }

  @ParameterizedTest(name = "{0} is a write: {1}")
  @MethodSource("verbs")
  void only_verbs_that_change_state_count_as_writes(String verb, boolean write) {
    assertThat(new Key(verb, "secrets", "").isWrite()).isEqualTo(write);
  }
}
