package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Integers are read like Go's {@code strconv.ParseInt(s, 10, 64)}. */
class IntegersTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        arguments("0", 0L),
        arguments("42", 42L),
        arguments("+42", 42L),
        arguments("-42", -42L),
        arguments("007", 7L),
        arguments("9223372036854775807", Long.MAX_VALUE),
        arguments("-9223372036854775808", Long.MIN_VALUE),
        arguments("9223372036854775808", null),
        arguments("-9223372036854775809", null),
        arguments("", null),
        arguments("+", null),
        arguments("-", null),
        arguments("1a", null),
        arguments(" 1", null),
        arguments("1.0", null),
        arguments("\u0661", null));
  }

  @ParameterizedTest(name = "\"{0}\" reads as {1}")
  @MethodSource("texts")
  void decimal_integers_are_read_and_everything_else_is_not(String text, Long expected) {
    assertThat(Integers.parse(text)).isEqualTo(expected);
  }
}
