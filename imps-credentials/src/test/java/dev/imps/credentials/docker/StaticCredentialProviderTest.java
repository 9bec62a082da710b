package dev.imps.credentials.docker;

import static dev.imps.credentials.testing.Secrets.b64;
import static dev.imps.credentials.testing.Secrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.testing.Secrets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StaticCredentialProviderTest {

  private final StaticCredentialProvider provider = new StaticCredentialProvider();

  @Test
  void readsBothDockerConfigFormats() throws CredentialException {
    String auth = b64("bob:pw");

    var current =
        provider.provide(
            Secrets.dockerConfigJson(
                "a/current", "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth + "\"}}}"));
    var legacy =
        provider.provide(
            Secrets.dockerCfg("a/legacy", "{\"ghcr.io\":{\"auth\":\"" + auth + "\"}}"));

    assertThat(current).isEqualTo(legacy);
    assertThat(current.credentials())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.username()).contains("bob");
              assertThat(c.password()).contains("pw");
            });
    assertThat(provider.secretTypes())
        .containsExactlyInAnyOrder(
            SecretFormats.TYPE_DOCKER_CONFIG_JSON, SecretFormats.TYPE_DOCKERCFG);
  }

  static Stream<Arguments> secretsWithoutTheirKey() {
    return Stream.of(
        arguments(
            "a dockerconfigjson secret without data",
            SourceSecret.of("a/s", SecretFormats.TYPE_DOCKER_CONFIG_JSON, Map.of()),
            "source 'a/s': missing key '.dockerconfigjson' (the secret has no data)"),
        arguments(
            "a dockerconfigjson secret with the legacy key",
            SourceSecret.of(
                "a/s",
                SecretFormats.TYPE_DOCKER_CONFIG_JSON,
                Map.of(SecretFormats.KEY_DOCKERCFG, utf8("{}"), "config.json", utf8("{}"))),
            "source 'a/s': missing key '.dockerconfigjson' (found keys '.dockercfg', 'config.json')"),
        arguments(
            "a dockercfg secret with null data",
            SourceSecret.of("a/s", SecretFormats.TYPE_DOCKERCFG, null),
            "source 'a/s': missing key '.dockercfg' (the secret has no data)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secretsWithoutTheirKey")
  void reportsAMissingKeyAndTheKeysFound(String description, SourceSecret secret, String message) {
    assertThatThrownBy(() -> provider.provide(secret))
        .isExactlyInstanceOf(CredentialException.class)
        .hasMessage(message);
  }
}
