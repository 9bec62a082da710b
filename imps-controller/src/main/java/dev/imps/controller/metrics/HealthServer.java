package dev.imps.controller.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoints on the JDK's {@link HttpServer}: {@code /metrics} (Prometheus text
 * format), {@code /healthz} (the process is up) and {@code /readyz} (200 once the caches are
 * synced, 503 before).
 *
 * <p>Runs on two daemon threads, so it never keeps the JVM alive. Thread-safe.
 */
public final class HealthServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private HealthServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts the server.
   *
   * @param address where to listen; port 0 picks a free port
   * @param registry the metrics to serve
   * @param ready whether the operator is ready (caches synced)
   * @return the running server
   * @throws IOException if the address cannot be bound
   */
  public static HealthServer start(
      InetSocketAddress address, CollectorRegistry registry, BooleanSupplier ready)
      throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    server.createContext("/metrics", exchange -> metrics(exchange, registry));
    server.createContext("/healthz", exchange -> reply(exchange, 200, "ok\n"));
    server.createContext(
        "/readyz",
        exchange ->
            reply(
                exchange,
                ready.getAsBoolean() ? 200 : 503,
                ready.getAsBoolean() ? "ok\n" : "caches not synced\n"));
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "imps-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new HealthServer(server, executor);
  }

  /**
   * Starts the server for {@code --metrics-addr} and logs where it listens.
   *
   * @param address where to listen; port 0 picks a free port
   * @param registry the metrics to serve
   * @param ready whether the process is ready
   * @return the running server
   * @throws UncheckedIOException naming the address and the flag if it cannot be bound
   */
  public static HealthServer serve(
      InetSocketAddress address, CollectorRegistry registry, BooleanSupplier ready) {
    try {
      HealthServer server = start(address, registry, ready);
      LOG.info("serving /metrics, /healthz and /readyz on {}", server.address());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + " (--metrics-addr)", e);
    }
  }

  /**
   * Returns where the server listens, with the port it was given.
   *
   * @return the bound address
   */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void metrics(HttpExchange exchange, CollectorRegistry registry)
      throws IOException {
    StringWriter text = new StringWriter();
    TextFormat.write004(text, registry.metricFamilySamples());
    exchange.getResponseHeaders().set("Content-Type", TextFormat.CONTENT_TYPE_004);
    send(exchange, 200, text.toString());
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, body);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
