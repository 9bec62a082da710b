package dev.imps.controller.runtime;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.auth.ApiKeyAuth;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the operator's {@link ApiClient}: from {@code --kubeconfig} if given, otherwise as
 * client-go does ({@code $KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster service
 * account).
 *
 * <p>Read timeout is 0, which informers require (a watch is idle for minutes). Requests that are
 * not watches go through a copy with a read timeout ({@link #forRequests(ApiClient)}), so an API
 * server that stops answering cannot hold a worker forever. No client is ever installed as
 * client-java's global default; every component gets it passed explicitly. Models are read and
 * written by {@link ModelJson}'s field-only Gson.
 */
public final class KubeClients {

  /** The read timeout of {@link #forRequests(ApiClient)}: {@value} seconds. */
  public static final int REQUEST_READ_TIMEOUT_SECONDS = 30;

  private static final String BEARER = "BearerToken";

  private KubeClients() {}

  /**
   * Creates a client.
   *
   * @param kubeconfig the kubeconfig file, or {@code null} for the standard lookup
   * @return the client, with read timeout 0
   * @throws IOException if the kubeconfig or the in-cluster credentials cannot be read
   */
  public static ApiClient create(Path kubeconfig) throws IOException {
    ModelJson.install();
    ClientBuilder builder;
    if (kubeconfig != null) {
      try (Reader reader = Files.newBufferedReader(kubeconfig, StandardCharsets.UTF_8)) {
        KubeConfig config = KubeConfig.loadKubeConfig(reader);
        config.setFile(kubeconfig.toFile());
        builder = ClientBuilder.kubeconfig(config);
      }
    } else {
      builder = ClientBuilder.standard();
    }
    return builder.setReadTimeout(Duration.ZERO).build();
  }

  /**
   * Returns a copy of {@code client} for single requests (reads, writes, events, the Lease): the
   * same server, TLS settings, credentials and interceptors, with a read timeout of {@value
   * #REQUEST_READ_TIMEOUT_SECONDS} seconds. {@code client} itself is not changed.
   *
   * @param client a client from {@link #create(Path)} or any other built by client-java
   * @return a new client with a read timeout
   */
  public static ApiClient forRequests(ApiClient client) {
    return copyWith(
        client
            .getHttpClient()
            .newBuilder()
            .readTimeout(Duration.ofSeconds(REQUEST_READ_TIMEOUT_SECONDS))
            .build(),
        client);
  }

  /**
   * Returns a copy of {@code client} for the leader election Lease alone: like {@link
   * #forRequests(ApiClient)}, but with its own connection pool and dispatcher, so that secret
   * writes queued on the shared connections can never hold up a Lease renewal. (imps's write rate
   * limit never applies to it either: it limits {@code ClusterActions}, not the client.)
   *
   * @param client a client from {@link #create(Path)} or any other built by client-java
   * @return a new client with a read timeout and its own connections
   */
  public static ApiClient forLease(ApiClient client) {
    return copyWith(
        client
            .getHttpClient()
            .newBuilder()
            .connectionPool(new ConnectionPool())
            .dispatcher(new Dispatcher())
            .readTimeout(Duration.ofSeconds(REQUEST_READ_TIMEOUT_SECONDS))
            .build(),
        client);
  }

  private static ApiClient copyWith(OkHttpClient http, ApiClient client) {
    ApiClient copy = new ApiClient(http);
    copy.setBasePath(client.getBasePath());
    // Not setVerifyingSsl or setSslCaCert: they rebuild the TLS settings the copied OkHttpClient
    // already carries.
    if (client.getAuthentication(BEARER) instanceof ApiKeyAuth from
        && copy.getAuthentication(BEARER) instanceof ApiKeyAuth to) {
      to.setApiKey(from.getApiKey());
      to.setApiKeyPrefix(from.getApiKeyPrefix());
    }
    return copy;
  }
}
