package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubeClientsTest {

  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                      + "\"reason\":\"NotFound\",\"code\":404}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private ApiClient watchClient() {
    return new ClientBuilder()
        .setBasePath("http://127.0.0.1:" + server.getAddress().getPort())
        .setAuthentication(new AccessTokenAuthentication("token-value"))
        .setReadTimeout(Duration.ZERO)
        .build();
  }

  @Test
  void theCopyForRequestsHasAReadTimeoutAndTheOriginalKeepsNone() {
    ApiClient watches = watchClient();

    ApiClient requests = KubeClients.forRequests(watches);

    assertThat(requests).isNotSameAs(watches);
    assertThat(requests.getReadTimeout())
        .isEqualTo(KubeClients.REQUEST_READ_TIMEOUT_SECONDS * 1000);
    assertThat(watches.getReadTimeout()).isZero();
    assertThat(requests.getBasePath()).isEqualTo(watches.getBasePath());
  }

  @Test
  void theCopyForRequestsSendsTheSameCredentialsToTheSameServer() {
    ApiClient requests = KubeClients.forRequests(watchClient());

    assertThatThrownBy(() -> new CoreV1Api(requests).readNamespace("missing").execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

    assertThat(authorizations).containsExactly("Bearer token-value");
  }
}
