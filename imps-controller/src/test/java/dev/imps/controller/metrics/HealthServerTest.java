package dev.imps.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void readiness_follows_the_caches_while_health_is_always_ok() throws Exception {
    AtomicBoolean synced = new AtomicBoolean(false);
    try (HealthServer server =
        HealthServer.start(
            new InetSocketAddress("127.0.0.1", 0), new CollectorRegistry(true), synced::get)) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);

      synced.set(true);

      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void metrics_are_served_in_the_prometheus_text_format() throws Exception {
    CollectorRegistry registry = new CollectorRegistry(true);
    Counter.build("imps_test_total", "A test counter.").register(registry).inc(3);
    try (HealthServer server =
        HealthServer.start(new InetSocketAddress("127.0.0.1", 0), registry, () -> true)) {
      HttpResponse<String> response = get(server, "/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(response.body()).contains("# TYPE imps_test_total counter", "imps_test_total 3.0");
    }
  }

  private static HttpResponse<String> get(HealthServer server, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
