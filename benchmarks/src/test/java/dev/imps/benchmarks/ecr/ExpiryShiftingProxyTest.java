package dev.imps.benchmarks.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpiryShiftingProxyTest {

  private static final String TOKEN_ANSWER =
      "{\"authorizationData\":[{\"authorizationToken\":\"QVdTOnNlY3JldA==\","
          + "\"expiresAt\":1700000000.5,\"proxyEndpoint\":\"https://1.dkr.ecr.eu-west-1.amazonaws.com\"}]}";

  private HttpServer upstream;
  private final AtomicReference<String> upstreamSaw = new AtomicReference<>();

  @BeforeEach
  void startUpstream() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          upstreamSaw.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Amz-Target")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = TOKEN_ANSWER.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  @Test
  void expires_at_moves_by_how_far_the_simulated_clock_is_ahead() {
    byte[] shifted =
        ExpiryShiftingProxy.shiftExpiry(
            TOKEN_ANSWER.getBytes(StandardCharsets.UTF_8), Duration.ofHours(6));

    JsonObject entry =
        JsonParser.parseString(new String(shifted, StandardCharsets.UTF_8))
            .getAsJsonObject()
            .getAsJsonArray("authorizationData")
            .get(0)
            .getAsJsonObject();
    assertThat(entry.get("expiresAt").getAsDouble()).isEqualTo(1700000000.5 + 6 * 3600);
    assertThat(entry.get("authorizationToken").getAsString()).isEqualTo("QVdTOnNlY3JldA==");
  }

  @Test
  void an_answer_without_authorization_data_is_left_alone() {
    byte[] other = "{\"repositories\":[]}".getBytes(StandardCharsets.UTF_8);

    assertThat(ExpiryShiftingProxy.shiftExpiry(other, Duration.ofHours(1))).isSameAs(other);
  }

  @Test
  void get_authorization_token_answers_are_shifted_on_the_way_through() throws Exception {
    SimulatedClock clock = SimulatedClock.startingNow();
    clock.advance(Duration.ofHours(12));
    try (ExpiryShiftingProxy proxy =
        ExpiryShiftingProxy.start(
            URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()), clock)) {

      HttpResponse<String> response =
          send(proxy, "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");

      double expiresAt =
          JsonParser.parseString(response.body())
              .getAsJsonObject()
              .getAsJsonArray("authorizationData")
              .get(0)
              .getAsJsonObject()
              .get("expiresAt")
              .getAsDouble();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(expiresAt - 1700000000.5).isBetween(12 * 3600 - 5.0, 12 * 3600 + 0.0);
      assertThat(upstreamSaw.get())
          .isEqualTo(
              "POST /path?x=1 AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken {}");
    }
  }

  @Test
  void other_actions_pass_unchanged() throws Exception {
    SimulatedClock clock = SimulatedClock.startingNow();
    clock.advance(Duration.ofHours(12));
    try (ExpiryShiftingProxy proxy =
        ExpiryShiftingProxy.start(
            URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()), clock)) {

      HttpResponse<String> response =
          send(proxy, "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories");

      assertThat(response.body()).isEqualTo(TOKEN_ANSWER);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("application/x-amz-json-1.1");
    }
  }

  private static HttpResponse<String> send(ExpiryShiftingProxy proxy, String target)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(proxy.endpoint().resolve("/path?x=1"))
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
