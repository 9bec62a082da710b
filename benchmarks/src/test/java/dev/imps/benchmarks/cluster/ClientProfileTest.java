package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientProfileTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("50/100/8", new ClientProfile(50, 100, 8)),
        Arguments.of(" 100000/100000/32 ", new ClientProfile(100_000, 100_000, 32)),
        Arguments.of("2.5/1/1", new ClientProfile(2.5, 1, 1)),
        Arguments.of("adaptive/32", new ClientProfile(100_000, 100_000, 32, true)));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("valid")
  void a_profile_is_qps_burst_and_parallel_writes(String text, ClientProfile profile) {
    assertThat(ClientProfile.parse(text)).isEqualTo(profile);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("50/100", "must be QPS/BURST/PARALLEL"),
        Arguments.of("fast/100/8", "must be QPS/BURST/PARALLEL"),
        Arguments.of("0/100/8", "qps must be a positive number"),
        Arguments.of("50/0/8", "burst must be at least 1"),
        Arguments.of("50/100/0", "parallel writes must be at least 1"),
        Arguments.of("adaptive/many", "must be adaptive/MAX_IN_FLIGHT"),
        Arguments.of("adaptive/0", "parallel writes must be at least 1"));
  }

  @ParameterizedTest(name = "{0} is rejected: {1}")
  @MethodSource("invalid")
  void a_bad_profile_is_rejected_with_what_is_wrong(String text, String message) {
    assertThatThrownBy(() -> ClientProfile.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void the_profile_becomes_the_operators_rate_and_write_thread_flags() {
    assertThat(ClientProfile.IMPS_DEFAULTS.operatorFlags())
        .containsExactly("--qps=50", "--burst=100", "--write-threads=8");
    assertThat(new ClientProfile(2.5, 1, 1).operatorFlags()).startsWith("--qps=2.5");
    assertThat(ClientProfile.IMPS_DEFAULTS.label()).isEqualTo("qps 50, burst 100, 8 parallel");
  }

  @Test
  void an_adaptive_profile_runs_imps_adaptive_against_an_unthrottled_loop() {
    ClientProfile adaptive = ClientProfile.parse("adaptive/32");

    assertThat(adaptive.operatorFlags())
        .containsExactly("--write-rate=adaptive", "--max-writes-in-flight=32");
    assertThat(adaptive.qps()).isEqualTo(ClientProfile.UNTHROTTLED.qps());
    assertThat(adaptive.parallel()).isEqualTo(32);
    assertThat(adaptive.label()).isEqualTo("adaptive, at most 32 in flight (loop: 32 parallel)");
  }
}
