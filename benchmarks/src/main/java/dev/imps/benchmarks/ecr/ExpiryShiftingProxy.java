package dev.imps.benchmarks.ecr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 between the AWS SDK and moto that moves ECR's clock with a {@link
 * SimulatedClock}: in GetAuthorizationToken answers, {@code expiresAt} (which moto stamps from the
 * real clock) is shifted by how far the simulated clock is ahead, so a token minted at simulated
 * time T expires at T + 12 h as real ECR's would. Every other request and answer passes unchanged.
 */
public final class ExpiryShiftingProxy implements AutoCloseable {

  /** Headers the JDK HTTP client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI upstream;
  private final SimulatedClock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ExpiryShiftingProxy(URI upstream, SimulatedClock clock) throws IOException {
    this.upstream = upstream;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", this::forward);
  }

  /**
   * Starts the proxy.
   *
   * @param upstream moto's endpoint, {@code http://127.0.0.1:<port>}
   * @param clock the simulated clock
   * @return the running proxy
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static ExpiryShiftingProxy start(URI upstream, SimulatedClock clock) {
    try {
      ExpiryShiftingProxy proxy = new ExpiryShiftingProxy(upstream, clock);
      proxy.server.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  /**
   * Returns the endpoint to point AWS clients at.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(30))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          for (String value : header.getValue()) {
            request.header(header.getKey(), value);
          }
        }
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      byte[] answer = response.body();
      if (response.statusCode() == 200
          && target != null
          && target.endsWith(".GetAuthorizationToken")) {
        answer = shiftExpiry(answer, clock.aheadOfRealTime());
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  /**
   * Adds {@code ahead} to every {@code authorizationData[].expiresAt} (epoch seconds) of a
   * GetAuthorizationToken answer.
   *
   * @param json the answer body
   * @param ahead how far the simulated clock is ahead of the real one
   * @return the changed body; the input if it has no such field
   */
  static byte[] shiftExpiry(byte[] json, Duration ahead) {
    JsonObject root =
        JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    JsonElement data = root.get("authorizationData");
    if (data == null || !data.isJsonArray()) {
      return json;
    }
    JsonArray entries = data.getAsJsonArray();
    for (JsonElement entry : entries) {
      JsonObject object = entry.getAsJsonObject();
      if (object.has("expiresAt")) {
        double seconds = object.get("expiresAt").getAsDouble() + ahead.toMillis() / 1000.0;
        object.addProperty("expiresAt", seconds);
      }
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Stops the proxy. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
