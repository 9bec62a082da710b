package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VersionOrderTest {

  static Stream<Arguments> olderThan() {
    return Stream.of(
        Arguments.of("v1.34.9", "v1.34.10"),
        Arguments.of("v1.33.99", "v1.34.0"),
        Arguments.of("v0.99.99", "v1.0.0"),
        Arguments.of("v1.34.2-rc.0", "v1.34.2"),
        Arguments.of("v1.34.2-alpha.1", "v1.34.2-rc.0"),
        Arguments.of("latest", "v1.0.0"),
        Arguments.of("1.34.3", "v1.34.4"));
  }

  @ParameterizedTest(name = "{0} is older than {1}")
  @MethodSource("olderThan")
  void versions_order_numerically_part_by_part(String older, String newer) {
    assertThat(VersionOrder.INSTANCE.compare(older, newer)).isNegative();
    assertThat(VersionOrder.INSTANCE.compare(newer, older)).isPositive();
  }

  @ParameterizedTest(name = "{0} equals itself")
  @MethodSource("olderThan")
  void a_version_equals_itself(String version, String ignored) {
    assertThat(VersionOrder.INSTANCE.compare(version, version)).isZero();
  }
}
