package dev.imps.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryTest {

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of(List.of(4.0), 4.0, 4.0, 4.0),
        Arguments.of(List.of(3.0, 1.0, 2.0), 2.0, 1.0, 3.0),
        Arguments.of(List.of(10.0, 1.0, 4.0, 2.0), 3.0, 1.0, 10.0),
        Arguments.of(List.of(18.0, 18.04, 17.99, 36.2, 18.01), 18.01, 17.99, 36.2));
  }

  @ParameterizedTest(name = "{0} has median {1}, min {2} and max {3}")
  @MethodSource("runs")
  void the_median_is_the_middle_run_or_the_mean_of_the_two_middle_runs(
      List<Double> runs, double median, double min, double max) {
    Summary summary = Summary.of(runs);

    assertThat(summary.median()).isEqualTo(median);
    assertThat(summary.min()).isEqualTo(min);
    assertThat(summary.max()).isEqualTo(max);
    assertThat(summary.count()).isEqualTo(runs.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void the_runs_are_kept_in_the_order_measured(List<Double> runs) {
    assertThat(Summary.of(runs).runs()).containsExactlyElementsOf(runs);
  }

  static Stream<Arguments> badRuns() {
    List<Double> withNull = new ArrayList<>(Arrays.asList(1.0, null));
    return Stream.of(
        Arguments.of(List.of(), "at least one run"),
        Arguments.of(List.of(1.0, Double.NaN), "finite"),
        Arguments.of(List.of(Double.POSITIVE_INFINITY), "finite"),
        Arguments.of(withNull, "finite"));
  }

  @ParameterizedTest(name = "{0} is rejected: {1}")
  @MethodSource("badRuns")
  void a_summary_needs_finite_runs(List<Double> runs, String message) {
    assertThatThrownBy(() -> Summary.of(runs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
