package dev.imps.controller.leader;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeaderElectionSettingsTest {

  private static LeaderElectionSettings settings(
      String namespace, String name, String identity, int lease, int renew, int retry) {
    return new LeaderElectionSettings(
        namespace,
        name,
        identity,
        Duration.ofSeconds(lease),
        Duration.ofSeconds(renew),
        Duration.ofSeconds(retry));
  }

  @Test
  void client_go_defaults_are_valid() {
    assertThatCode(() -> settings("imps-system", "imps", "pod-1", 15, 10, 2))
        .doesNotThrowAnyException();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "imps", "pod", 15, 10, 2, "--config-namespace"),
        Arguments.of("ns", " ", "pod", 15, 10, 2, "Lease name"),
        Arguments.of("ns", "imps", "", 15, 10, 2, "identity"),
        Arguments.of("ns", "imps", "pod", 10, 10, 2, "lease duration (10 s) > renew deadline"),
        Arguments.of("ns", "imps", "pod", 15, 2, 2, "renew deadline (2 s) > retry period"),
        Arguments.of("ns", "imps", "pod", 15, 10, 0, "retry period (0 s) > 0"));
  }

  @ParameterizedTest(name = "namespace \"{0}\", name \"{1}\", identity \"{2}\", {3}/{4}/{5} s: {6}")
  @MethodSource("invalid")
  void inconsistent_settings_are_refused_with_a_message_saying_which(
      String namespace,
      String name,
      String identity,
      int lease,
      int renew,
      int retry,
      String message) {
    assertThatThrownBy(() -> settings(namespace, name, identity, lease, renew, retry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
