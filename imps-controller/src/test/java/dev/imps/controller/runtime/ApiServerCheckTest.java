package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiServerCheckTest {

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.4\","
          + "\"gitCommit\":\"0\",\"gitTreeState\":\"clean\","
          + "\"buildDate\":\"2026-01-01T00:00:00Z\",\"goVersion\":\"go1.24\","
          + "\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}";

  private static final ApiServerCheck QUICK = new ApiServerCheck(3, Duration.ofMillis(10));

  private static ApiClient clientFor(int port) {
    return KubeClients.forRequests(
        new ClientBuilder()
            .setBasePath("http://127.0.0.1:" + port)
            .setAuthentication(new AccessTokenAuthentication("secret-token-value"))
            .setReadTimeout(Duration.ZERO)
            .build());
  }

  /** Answers /version with {@code failures} 503s first, then the version. */
  private static HttpServer versionServer(int failures, AtomicInteger calls) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/version",
        exchange -> {
          boolean fail = calls.incrementAndGet() <= failures;
          byte[] body = (fail ? "{}" : VERSION).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  @Test
  void returnsTheVersionOfAnAnsweringServer() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = versionServer(0, calls);
    try {
      assertThat(QUICK.version(clientFor(server.getAddress().getPort()))).isEqualTo("v1.34.4");
      assertThat(calls).hasValue(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void ridesOutAServerThatIsStillStarting() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = versionServer(2, calls);
    try {
      assertThat(QUICK.version(clientFor(server.getAddress().getPort()))).isEqualTo("v1.34.4");
      assertThat(calls).hasValue(3);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void namesTheServerAndTheLastReasonWhenEveryAttemptFails() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = versionServer(Integer.MAX_VALUE, calls);
    try {
      int port = server.getAddress().getPort();
      assertThatThrownBy(() -> QUICK.version(clientFor(port)))
          .isInstanceOf(ApiServerCheck.UnreachableApiServerException.class)
          .hasMessageContaining("http://127.0.0.1:" + port)
          .hasMessageContaining("after 3 attempts")
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("--kubeconfig")
          .hasMessageNotContaining("secret-token-value");
      assertThat(calls).hasValue(3);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void saysWhyWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    int closedPort = port;
    assertThatThrownBy(() -> new ApiServerCheck(1, Duration.ZERO).version(clientFor(closedPort)))
        .isInstanceOf(ApiServerCheck.UnreachableApiServerException.class)
        .hasMessageContaining("after 1 attempt (")
        .hasMessageContaining("ConnectException");
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> new ApiServerCheck(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiServerCheck(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
