package dev.imps.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryKeyTest {

  static Stream<String> keysTheKubeletReadsAsSpelled() {
    return Stream.of(
        "docker.io",
        "index.docker.io",
        "registry.example.com/team-a",
        "registry.example.com:5000/team/app",
        "*.example.com",
        "ftp://ghcr.io");
  }

  @ParameterizedTest(name = "the kubelet reads {0} as spelled")
  @MethodSource("keysTheKubeletReadsAsSpelled")
  void readsKeysWithoutAnHttpSchemeAsSpelled(String spelled) {
    RegistryKey key = RegistryKey.of(spelled);

    assertThat(key.kubeletKey()).isEqualTo(spelled);
    assertThat(key.spelled()).isEqualTo(spelled);
  }

  static Stream<Arguments> keysTheKubeletStripsOfSchemeAndApiVersion() {
    return Stream.of(
        arguments("https://index.docker.io/v1/", "index.docker.io"),
        arguments("http://registry-1.docker.io/v2/", "registry-1.docker.io"),
        arguments("https://ghcr.io/", "ghcr.io"),
        arguments("https://registry.example.com/v1/team-a", "registry.example.com/team-a"));
  }

  @ParameterizedTest(name = "the kubelet reads {0} as {1}")
  @MethodSource("keysTheKubeletStripsOfSchemeAndApiVersion")
  void readsKeysWithAnHttpSchemeWithoutSchemeAndApiVersion(String spelled, String kubeletKey) {
    RegistryKey key = RegistryKey.of(spelled);

    assertThat(key.kubeletKey()).isEqualTo(kubeletKey);
    assertThat(key.spelled()).isEqualTo(spelled);
  }

  static Stream<Arguments> sameOrDifferent() {
    return Stream.of(
        arguments("docker.io", "docker.io", true),
        arguments("docker.io", "https://index.docker.io/v1/", false),
        arguments("registry.example.com/team-a", "registry.example.com/team-b", false),
        arguments("ghcr.io", "https://ghcr.io", false),
        arguments("ghcr.io", "GHCR.IO", false));
  }

  @ParameterizedTest(name = "{0} and {1} are the same key: {2}")
  @MethodSource("sameOrDifferent")
  void keysAreTheSameOnlyWhenSpelledTheSame(String one, String other, boolean same) {
    assertThat(RegistryKey.of(one).equals(RegistryKey.of(other))).isEqualTo(same);
    if (same) {
      assertThat(RegistryKey.of(one)).hasSameHashCodeAs(RegistryKey.of(other));
    }
  }

  @ParameterizedTest(name = "{0}: Docker Hub fallback {1}, may match Docker Hub images {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # key                       | fallback | may match Docker Hub images
          https://index.docker.io/v1/ | true     | false
          index.docker.io             | true     | false
          index.docker.io/v2/         | true     | false
          index.docker.io/team        | false    | false
          docker.io                   | false    | true
          https://docker.io/v1/       | false    | true
          docker.io/team              | false    | true
          *.io                        | false    | true
          d?cker.*                    | false    | true
          docker.io:443               | false    | false
          *.docker.io                 | false    | false
          registry-1.docker.io        | false    | false
          ghcr.io                     | false    | false
          """)
  void tellsTheDockerHubFallbackFromKeysThatMatchDockerHubImages(
      String spelled, boolean fallback, boolean matchesHub) {
    RegistryKey key = RegistryKey.of(spelled);

    assertThat(key.isDockerHubFallback()).isEqualTo(fallback);
    assertThat(key.mayMatchDockerHub()).isEqualTo(matchesHub);
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
        arguments("*.example.com", true),
        arguments("https://*.example.com/team", true),
        arguments("registry.example.com/team-a", true),
        arguments("*", true),
        arguments("myregistry", false),
        arguments("ftp://ghcr.io", false),
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
