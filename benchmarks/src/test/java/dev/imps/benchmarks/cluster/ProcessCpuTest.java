package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessCpuTest {

  static Stream<Arguments> stats() {
    return Stream.of(
        Arguments.of("a plain command name", statLine("java", 250, 125), 3.75),
        Arguments.of(
            "a command name with spaces and parentheses", statLine("imps (main) x", 7, 3), 0.10),
        Arguments.of("a process that has used no CPU yet", statLine("init", 0, 0), 0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stats")
  void cpu_time_is_utime_plus_stime_in_seconds(String description, String stat, double seconds) {
    assertThat(ProcessCpu.secondsOf(stat))
        .isCloseTo(seconds, org.assertj.core.data.Offset.offset(1e-9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void text_that_is_not_a_stat_line_is_rejected(String stat) {
    assertThatThrownBy(() -> ProcessCpu.secondsOf(stat))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> garbage() {
    return Stream.of("no parenthesis at all", "1 (short) S 0 1");
  }

  /**
   * A {@code /proc/[pid]/stat} line of a process with the given command name that has used the
   * given clock ticks in user mode ({@code utime}, field 14) and kernel mode ({@code stime}, 15).
   */
  private static String statLine(String command, long userTicks, long systemTicks) {
    return "4242 (%s) S 1 4242 4242 0 -1 4194560 9000 0 0 0 %d %d 0 0 20 0 31 0 100 0 0"
        .formatted(command, userTicks, systemTicks);
  }
}
