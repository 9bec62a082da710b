package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.reconcile.SecretRef;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRefresherTest {

  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of(
            "registry-access.docker-login", new SecretRef("registry-access", "docker-login")),
        Arguments.of(
            "registry-access.registry--999653.dkr.ecr.eu-central-1.amazonaws.com-pull-secret",
            new SecretRef(
                "registry-access",
                "registry--999653.dkr.ecr.eu-central-1.amazonaws.com-pull-secret")),
        Arguments.of("a.b", new SecretRef("a", "b")));
  }

  @ParameterizedTest(name = "{0} is secret {1}")
  @MethodSource("references")
  void the_first_dot_separates_namespace_and_name(String value, SecretRef ref) {
    assertThat(SecretRefresher.parseRef("--source-secret", value)).isEqualTo(ref);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"", "no-dot", ".name", "namespace."})
  void a_reference_without_both_parts_is_refused_naming_the_flag(String value) {
    assertThatThrownBy(() -> SecretRefresher.parseRef("--target-secret", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--target-secret")
        .hasMessageContaining("<namespace>.<name>");
  }
}
