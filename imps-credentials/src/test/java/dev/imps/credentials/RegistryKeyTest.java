package dev.imps.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryKeyTest {

  static Stream<Arguments> spellings() {
    return Stream.of(
        arguments("docker.io", "docker.io"),
        arguments("index.docker.io", "docker.io"),
        arguments("registry-1.docker.io", "docker.io"),
        arguments("https://index.docker.io/v1/", "docker.io"),
        arguments("http://registry-1.docker.io/v2/", "docker.io"),
        arguments("ghcr.io", "ghcr.io"),
        arguments("https://ghcr.io/", "ghcr.io"),
        arguments("GHCR.IO", "ghcr.io"),
        arguments("  quay.io  ", "quay.io"),
        arguments("registry.example.com:5000/team/app", "registry.example.com:5000"),
        arguments(
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com"));
  }

  @ParameterizedTest(name = "{0} is registry {1}")
  @MethodSource("spellings")
  void normalizesSchemePathTrailingSlashCaseAndDockerHubAliases(String spelled, String normalized) {
    RegistryKey key = RegistryKey.of(spelled);

    assertThat(key.normalized()).isEqualTo(normalized);
    assertThat(key.spelled()).isEqualTo(spelled);
    assertThat(key)
        .isEqualTo(RegistryKey.of(normalized))
        .hasSameHashCodeAs(RegistryKey.of(normalized));
  }

  static Stream<Arguments> hostLikeness() {
    return Stream.of(
        arguments("ghcr.io", true),
        arguments("https://index.docker.io/v1/", true),
        arguments("registry.local:5000", true),
        arguments("registry:5000", true),
        arguments("localhost", true),
        arguments("[::1]:5000", true),
        arguments("10.0.0.1:5000", true),
        arguments("myregistry", false),
        arguments("YmFkOnNlY3JldA==", false),
        arguments("pass word.io", false),
        arguments("-bad.io", false),
        arguments("a".repeat(64) + ".io", false),
        arguments("eyJhbGciOiJSUzI1NiJ9." + "x".repeat(70) + ".sig", false));
  }

  @ParameterizedTest(name = "{0} looks like a host: {1}")
  @MethodSource("hostLikeness")
  void tellsRegistryHostsFromOtherKeys(String spelled, boolean host) {
    assertThat(RegistryKey.of(spelled).looksLikeHost()).isEqualTo(host);
  }

  @ParameterizedTest(name = "{0} names no registry")
  @ValueSource(strings = {"", "   ", "https://", "/v1/", "http:///x"})
  void rejectsKeysWithoutAHost(String spelled) {
    assertThatThrownBy(() -> RegistryKey.of(spelled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("names no registry host");
  }
}
