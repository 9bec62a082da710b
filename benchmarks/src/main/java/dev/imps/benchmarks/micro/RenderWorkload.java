package dev.imps.benchmarks.micro;

import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.docker.StaticCredentialProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The render benchmark's data: {@code sources} docker config secrets merged into one pull secret.
 *
 * <p>Source {@code i} logs in to {@code registry-i.example.com}; every other source also logs in to
 * one of five shared registries ({@code docker.io}, {@code ghcr.io}, ...), so the merge also
 * resolves shadowed registries as it does in real clusters. Credentials are fake.
 */
public final class RenderWorkload {

  /** The number of sources. */
  public static final int DEFAULT_SOURCES = 20;

  private static final String[] SHARED = {
    "docker.io", "ghcr.io", "quay.io", "gcr.io", "registry.gitlab.com"
  };

  private final List<SourceInput> sources;
  private final PullSecretRenderer renderer;

  private RenderWorkload(List<SourceInput> sources) {
    this.sources = List.copyOf(sources);
    this.renderer =
        PullSecretRenderer.create(CredentialProviders.of(new StaticCredentialProvider()));
  }

  /**
   * Builds the workload of 20 sources.
   *
   * @return the workload
   */
  public static RenderWorkload create() {
    return create(DEFAULT_SOURCES);
  }

  /**
   * Builds a workload of any size.
   *
   * @param count how many sources, at least 1
   * @return the workload
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public static RenderWorkload create(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("source count must be at least 1, got " + count);
    }
    List<SourceInput> sources = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder auths = new StringBuilder();
      auths.append(login("registry-" + i + ".example.com", "user-" + i, "password-" + i));
      if (i % 2 == 1) {
        auths.append(',').append(login(SHARED[(i / 2) % SHARED.length], "bot-" + i, "token-" + i));
      }
      String json = "{\"auths\":{" + auths + "}}";
      sources.add(
          SourceInput.present(
              SourceSecret.of(
                  "registry-access/source-" + i,
                  SecretFormats.TYPE_DOCKER_CONFIG_JSON,
                  Map.of(
                      SecretFormats.KEY_DOCKER_CONFIG_JSON,
                      json.getBytes(StandardCharsets.UTF_8)))));
    }
    return new RenderWorkload(sources);
  }

  private static String login(String registry, String user, String password) {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return "\""
        + registry
        + "\":{\"username\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\",\"auth\":\""
        + auth
        + "\"}";
  }

  /**
   * Returns the sources in spec order.
   *
   * @return the sources
   */
  public List<SourceInput> sources() {
    return sources;
  }

  /**
   * Renders the merged config once, with the renderer a CR keeps between reconciles.
   *
   * @return the merged config
   */
  public MergedConfig render() {
    return renderer.render(sources);
  }
}
