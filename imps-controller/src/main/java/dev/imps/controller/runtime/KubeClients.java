package dev.imps.controller.runtime;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the operator's {@link ApiClient}: from {@code --kubeconfig} if given, otherwise as
 * client-go does ({@code $KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster service
 * account).
 *
 * <p>Read timeout is 0, which informers require (a watch is idle for minutes). The client is never
 * installed as client-java's global default; every component gets it passed explicitly.
 */
public final class KubeClients {

  private KubeClients() {}

  /**
   * Creates a client.
   *
   * @param kubeconfig the kubeconfig file, or {@code null} for the standard lookup
   * @return the client, with read timeout 0
   * @throws IOException if the kubeconfig or the in-cluster credentials cannot be read
   */
  public static ApiClient create(Path kubeconfig) throws IOException {
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
}
