package dev.imps.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumbersTest {

  static Stream<Arguments> numbers() {
    return Stream.of(
        Arguments.of(0.0, "0"),
        Arguments.of(2.0, "2"),
        Arguments.of(10000.0, "10000"),
        Arguments.of(1234.56, "1235"),
        Arguments.of(18.04, "18.0"),
        Arguments.of(2.346, "2.35"),
        Arguments.of(0.08531, "0.0853"),
        Arguments.of(-1.5, "-1.50"),
        Arguments.of(Double.NaN, "NaN"));
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @MethodSource("numbers")
  void figures_print_with_three_significant_digits_at_most_and_integers_as_integers(
      double value, String text) {
    assertThat(Numbers.format(value)).isEqualTo(text);
  }
}
