package dev.imps.envtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String TEXT =
      """
      # HELP apiserver_request_total [STABLE] Counter of apiserver requests.
      # TYPE apiserver_request_total counter
      apiserver_request_total{code="200",component="apiserver",dry_run="",group="",resource="secrets",scope="cluster",subresource="",verb="LIST",version="v1"} 3
      apiserver_request_total{code="201",component="apiserver",dry_run="",group="",resource="secrets",scope="resource",subresource="",verb="POST",version="v1"} 1000
      apiserver_request_total{code="409",component="apiserver",dry_run="",group="",resource="secrets",scope="resource",subresource="",verb="POST",version="v1"} 2
      weird{path="a \\"quoted\\" \\\\ value\\nnext",other="x,y}"} 1.5e3 1700000000000
      plain_metric 42
      jvm_memory_bytes_used{area="heap",} 1.2345678E7
      histogram_bucket{le="+Inf"} +Inf
      """;

  @Test
  void samples_carry_name_labels_and_value_with_comments_skipped() {
    List<PrometheusText.Sample> samples = PrometheusText.parse(TEXT);

    assertThat(samples).hasSize(7);
    assertThat(samples.get(0).name()).isEqualTo("apiserver_request_total");
    assertThat(samples.get(0).label("verb")).isEqualTo("LIST");
    assertThat(samples.get(0).label("missing")).isEmpty();
    assertThat(samples.get(0).value()).isEqualTo(3);
  }

  @Test
  void
      escaped_quotes_backslashes_newlines_and_commas_in_label_values_are_read_and_timestamps_ignored() {
    PrometheusText.Sample weird = PrometheusText.samples(TEXT, "weird").get(0);

    assertThat(weird.labels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("path", "a \"quoted\" \\ value\nnext", "other", "x,y}"));
    assertThat(weird.value()).isEqualTo(1500);
  }

  @Test
  void metrics_without_labels_trailing_commas_and_infinity_are_read() {
    assertThat(PrometheusText.samples(TEXT, "plain_metric").get(0).value()).isEqualTo(42);
    assertThat(PrometheusText.samples(TEXT, "jvm_memory_bytes_used").get(0).labels())
        .containsExactly(Map.entry("area", "heap"));
    assertThat(PrometheusText.samples(TEXT, "histogram_bucket").get(0).value())
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void sum_adds_the_samples_whose_labels_include_the_given_ones() {
    List<PrometheusText.Sample> samples = PrometheusText.parse(TEXT);

    assertThat(PrometheusText.sum(samples, "apiserver_request_total", Map.of())).isEqualTo(1005);
    assertThat(PrometheusText.sum(samples, "apiserver_request_total", Map.of("verb", "POST")))
        .isEqualTo(1002);
    assertThat(PrometheusText.sum(samples, "apiserver_request_total", Map.of("verb", "PUT")))
        .isZero();
  }

  @Test
  void a_malformed_sample_line_is_rejected_with_its_line_number() {
    assertThatThrownBy(() -> PrometheusText.parse("# ok\nmetric{a=unquoted} 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metrics line 2 is not a sample: metric{a=unquoted} 1");
  }
}
