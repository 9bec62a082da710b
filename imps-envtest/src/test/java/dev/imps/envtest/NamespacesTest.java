package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamespacesTest {

  /** What the API server accepts as a namespace name (DNS-1123 label). */
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  static Stream<String> validPrefixes() {
    return Stream.of("a", "imps", "rbac-view", "x1", "a".repeat(Namespaces.MAX_PREFIX_LENGTH));
  }

  @ParameterizedTest(name = "prefix \"{0}\" gives a valid namespace name")
  @MethodSource("validPrefixes")
  void a_valid_prefix_gives_a_dns_label_of_at_most_63_characters(String prefix) {
    String name = Namespaces.uniqueName(prefix);

    assertThat(name).startsWith(prefix + "-").matches(DNS_LABEL);
    assertThat(name.length()).isLessThanOrEqualTo(63);
  }

  @ParameterizedTest(name = "prefix \"{0}\" is rejected")
  @ValueSource(strings = {"", "Upper", "under_score", "-leading", "trailing-", "dot.ted"})
  void a_prefix_that_cannot_start_a_namespace_name_is_rejected(String prefix) {
    assertThatThrownBy(() -> Namespaces.uniqueName(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace prefix \"" + prefix + "\"");
  }

  @Test
  void a_prefix_longer_than_fifty_characters_is_rejected() {
    assertThatThrownBy(() -> Namespaces.uniqueName("a".repeat(Namespaces.MAX_PREFIX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void names_from_one_prefix_differ() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      names.add(Namespaces.uniqueName("same"));
    }

    assertThat(names).hasSize(1000);
  }
}
