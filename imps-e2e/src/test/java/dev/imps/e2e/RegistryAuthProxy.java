package dev.imps.e2e;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A pull-only registry front for the node's registry, on 127.0.0.1 (plain HTTP), with its own
 * logins: each login may read one repository path ({@code /v2/<path>/...}) and nothing else, the
 * way registries with per-project robot accounts work. It forwards allowed requests to the real
 * registry with the registry's own login, and answers 401 to a missing or wrong password and 403 to
 * a path outside the login's scope. Passwords can be changed while it runs (rotation).
 *
 * <p>containerd is told to use it over HTTP by a {@code hosts.toml} in the node's {@code certs.d}.
 */
final class RegistryAuthProxy implements AutoCloseable {

  private final HttpServer server;
  private final HttpClient upstream;
  private final URI registry;
  private final String upstreamAuthorization;
  private final Map<String, Login> logins = new ConcurrentHashMap<>();

  /** A login's password and the one repository path it may pull from. */
  private record Login(String password, String path) {}

  private RegistryAuthProxy(HttpServer server, HttpClient upstream, NodeEnvironment node) {
    this.server = server;
    this.upstream = upstream;
    this.registry = URI.create("https://" + node.registry());
    this.upstreamAuthorization = basic(node.registryUser(), node.registryPassword());
  }

  /**
   * Starts the proxy on a free 127.0.0.1 port and tells the node's containerd to reach it by HTTP.
   *
   * @param node the node whose registry it fronts
   * @return the running proxy
   */
  static RegistryAuthProxy start(TestNode node) {
    NodeEnvironment env = node.environment();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(trusting(env.caFile()))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      RegistryAuthProxy proxy = new RegistryAuthProxy(server, client, env);
      server.createContext("/", proxy::handle);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.start();
      Path hosts = env.registryHostsDirectory().resolve(proxy.address());
      Files.createDirectories(hosts);
      Files.writeString(
          hosts.resolve("hosts.toml"),
          """
          server = "http://%1$s"
          [host."http://%1$s"]
            capabilities = ["pull", "resolve"]
          """
              .formatted(proxy.address()));
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the registry auth proxy", e);
    }
  }

  /**
   * Returns where the proxy listens.
   *
   * @return {@code 127.0.0.1:<port>}
   */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Adds a login, or changes its password (the old one is refused from now on).
   *
   * @param user the login
   * @param password its password
   * @param path the repository path it may pull from, such as {@code team-a}
   */
  void allow(String user, String password, String path) {
    logins.put(user, new Login(password, path));
  }

  /** Stops the proxy. */
  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Login login = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      if (login == null) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"imps-e2e-proxy\"");
        exchange.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      if (!path.equals("/v2/") && !path.startsWith("/v2/" + login.path() + "/")) {
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      try {
        forward(exchange);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
      }
    }
  }

  private Login authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    Login login = logins.get(decoded.substring(0, colon));
    return login != null && login.password().equals(decoded.substring(colon + 1)) ? login : null;
  }

  private void forward(HttpExchange exchange) throws IOException, InterruptedException {
    String method = exchange.getRequestMethod();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(registry.resolve(exchange.getRequestURI().toString()))
            .timeout(Duration.ofMinutes(1))
            .header("Authorization", upstreamAuthorization)
            .method(method, HttpRequest.BodyPublishers.noBody());
    List<String> accept = exchange.getRequestHeaders().get("Accept");
    if (accept != null) {
      accept.forEach(value -> request.header("Accept", value));
    }
    HttpResponse<InputStream> response =
        upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    for (String header :
        List.of(
            "Content-Type", "Docker-Content-Digest", "Docker-Distribution-API-Version", "Etag")) {
      response
          .headers()
          .firstValue(header)
          .ifPresent(v -> exchange.getResponseHeaders().set(header, v));
    }
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream body = response.body()) {
      if (method.equals("HEAD")) {
        if (length >= 0) {
          exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
        }
        exchange.sendResponseHeaders(response.statusCode(), -1);
        return;
      }
      exchange.sendResponseHeaders(
          response.statusCode(), length > 0 ? length : length == 0 ? -1 : 0);
      try (OutputStream out = exchange.getResponseBody()) {
        body.transferTo(out);
      }
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "imps-e2e-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + caFile, e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + caFile, e);
    }
  }
}
