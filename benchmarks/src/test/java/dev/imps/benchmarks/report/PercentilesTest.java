package dev.imps.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PercentilesTest {

  /** 1..100 shuffled: the p-th percentile by nearest rank is p itself. */
  private static List<Double> oneToHundred() {
    List<Double> values = new ArrayList<>();
    IntStream.rangeClosed(1, 100).forEach(i -> values.add((double) i));
    Collections.shuffle(values, new java.util.Random(7));
    return values;
  }

  static Stream<Arguments> percentiles() {
    return Stream.of(
        Arguments.of(oneToHundred(), 0.50, 50.0),
        Arguments.of(oneToHundred(), 0.99, 99.0),
        Arguments.of(oneToHundred(), 1.00, 100.0),
        Arguments.of(oneToHundred(), 0.001, 1.0),
        Arguments.of(List.of(5.0), 0.99, 5.0),
        Arguments.of(List.of(30.0, 10.0, 20.0), 0.50, 20.0),
        Arguments.of(List.of(30.0, 10.0, 20.0, 40.0), 0.50, 20.0),
        Arguments.of(List.of(30.0, 10.0, 20.0, 40.0), 0.99, 40.0));
  }

  @ParameterizedTest(name = "p{1} of {0} is {2}")
  @MethodSource("percentiles")
  void the_nearest_rank_percentile_is_a_sample_never_an_interpolation(
      List<Double> samples, double p, double expected) {
    assertThat(Percentiles.nearestRank(samples, p)).isEqualTo(expected);
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(List.of(), 0.5, "at least one sample"),
        Arguments.of(List.of(1.0), 0.0, "(0, 1]"),
        Arguments.of(List.of(1.0), 1.5, "(0, 1]"));
  }

  @ParameterizedTest(name = "p{1} of {0} is rejected")
  @MethodSource("badInput")
  void a_percentile_needs_samples_and_a_fraction_up_to_one(
      List<Double> samples, double p, String message) {
    assertThatThrownBy(() -> Percentiles.nearestRank(samples, p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
