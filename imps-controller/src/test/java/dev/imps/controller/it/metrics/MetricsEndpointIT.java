package dev.imps.controller.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.controller.it.support.RunningOperator;
import dev.imps.controller.it.support.SourceSecret;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics}, {@code /healthz} and {@code /readyz} of a running operator. */
@EnableKubeControlPlane
class MetricsEndpointIT {

  private static TestCluster cluster;
  private static RunningOperator operator;
  private static URI base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startOperator(KubeControlPlane kube) {
    cluster = new TestCluster(kube);
    operator =
        RunningOperator.start(
                kube.adminClient(),
                settings -> settings.withMetricsAddress(new InetSocketAddress("127.0.0.1", 0)),
                null)
            .awaitReconciling();
    InetSocketAddress address = operator.operator().metricsAddress().orElseThrow();
    base = URI.create("http://127.0.0.1:" + address.getPort());
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void health_and_readiness_answer_200_once_the_caches_are_synced() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void metrics_report_reconciles_managed_namespaces_and_writes_per_cr() throws Exception {
    SourceSecret source = cluster.dockerLoginSource("metrics-sources", "docker-login");
    String first = cluster.namespace("metrics-a");
    String second = cluster.namespace("metrics-b");
    String name =
        cluster.createImagePullSecret("imps-metrics", source, "pull-secret", first, second);

    await("metrics of the CR")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String text = get("/metrics").body();
              String cr = "imagepullsecret=\"" + name + "\"";
              assertThat(sample(text, "imps_reconcile_total", cr)).isGreaterThanOrEqualTo(1);
              assertThat(sample(text, "imps_reconcile_duration_seconds_count", cr))
                  .isGreaterThanOrEqualTo(1);
              assertThat(sample(text, "imps_managed_namespaces", cr)).isEqualTo(2);
              assertThat(
                      sample(text, "imps_api_writes_total", "verb=\"create\",resource=\"secrets\""))
                  .isGreaterThanOrEqualTo(2);
              assertThat(
                      sample(
                          text,
                          "imps_api_writes_total",
                          "verb=\"patch\",resource=\"imagepullsecrets/status\""))
                  .isGreaterThanOrEqualTo(1);
            });
    HttpResponse<String> response = get("/metrics");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
  }

  /** The value of the first sample of {@code metric} whose labels contain {@code labels}. */
  private static double sample(String text, String metric, String labels) {
    return text.lines()
        .filter(line -> line.startsWith(metric + "{") && line.contains(labels))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
