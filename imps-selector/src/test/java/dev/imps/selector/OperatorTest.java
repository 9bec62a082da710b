package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the operators of {@code metav1.LabelSelectorRequirement}. */
class OperatorTest {

  static Stream<Arguments> labelSelectorOperators() {
    return Stream.of(
        arguments("In", Operator.IN),
        arguments("NotIn", Operator.NOT_IN),
        arguments("Exists", Operator.EXISTS),
        arguments("DoesNotExist", Operator.DOES_NOT_EXIST));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @MethodSource("labelSelectorOperators")
  void the_four_label_selector_operators_are_read(String text, Operator operator) {
    assertThat(Operator.fromString(text)).isEqualTo(operator);
    assertThat(operator.apiName()).isEqualTo(text);
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(strings = {"in", "IN", "notin", "exists", "", " In", "Gt", "Lt", "=", "!="})
  @NullSource
  void anything_else_is_rejected_naming_the_operator(String text) {
    assertThatThrownBy(() -> Operator.fromString(text))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining(text == null ? "null" : "\"" + text + "\"")
        .hasMessageContaining("expected In, NotIn, Exists or DoesNotExist");
  }
}
