package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Annotation selectors: label-selector operators, but values are arbitrary strings. */
class AnnotationSelectorTest {

  private static final String JSON = "{\"a\": [1, 2], \"b\": \"x,y\"}";
  private static final String LONG = "x".repeat(10_000);

  static Stream<Arguments> valuesThatAreNotLabelValues() {
    return Stream.of(
        arguments("with spaces"),
        arguments(JSON),
        arguments("https://example.com/a?b=c"),
        arguments("-leading-dash"),
        arguments("äöü"),
        arguments(LONG),
        arguments(""));
  }

  @ParameterizedTest(name = "{index}: an annotation value may be anything")
  @MethodSource("valuesThatAreNotLabelValues")
  void annotation_values_are_arbitrary_strings(String value) {
    AnnotationSelector byMap = AnnotationSelector.of(Map.of("example.com/config", value), null);
    AnnotationSelector byExpression =
        AnnotationSelector.of(
            null, List.of(Requirement.of("example.com/config", Operator.IN, value, "other")));

    assertThat(byMap.matches(Map.of("example.com/config", value))).isTrue();
    assertThat(byMap.matches(Map.of("example.com/config", value + "!"))).isFalse();
    assertThat(byExpression.matches(Map.of("example.com/config", value))).isTrue();
  }

  static Stream<Arguments> selectorsAgainstAnnotations() {
    AnnotationSelector injectTrue =
        AnnotationSelector.of(Map.of("sidecar.istio.io/inject", "true"), null);
    AnnotationSelector notDisabled =
        AnnotationSelector.of(
            null, List.of(Requirement.of("sidecar.istio.io/inject", Operator.NOT_IN, "false")));
    AnnotationSelector both =
        AnnotationSelector.of(
            Map.of("a", "1"), List.of(Requirement.of("b", Operator.DOES_NOT_EXIST)));
    return Stream.of(
        arguments(injectTrue, Map.of("sidecar.istio.io/inject", "true"), true),
        arguments(injectTrue, Map.of("sidecar.istio.io/inject", "false"), false),
        arguments(injectTrue, Map.of(), false),
        arguments(notDisabled, Map.of(), true),
        arguments(notDisabled, Map.of("sidecar.istio.io/inject", "false"), false),
        arguments(both, Map.of("a", "1"), true),
        arguments(both, Map.of("a", "1", "b", ""), false),
        arguments(both, Map.of("b", "x"), false),
        arguments(AnnotationSelector.everything(), Map.of(), true),
        arguments(AnnotationSelector.nothing(), Map.of("a", "1"), false));
  }

  @ParameterizedTest(name = "{0} against {1} matches: {2}")
  @MethodSource("selectorsAgainstAnnotations")
  void annotation_selectors_match_like_label_selectors(
      AnnotationSelector selector, Map<String, String> annotations, boolean expected) {
    assertThat(selector.matches(annotations)).isEqualTo(expected);
  }

  @Test
  void keys_must_still_be_qualified_names() {
    assertThatThrownBy(() -> AnnotationSelector.of(Map.of("not a key", "v"), null))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageStartingWith("matchAnnotations: key \"not a key\"");
  }

  @Test
  void the_empty_selector_matches_everything() {
    assertThat(AnnotationSelector.of(null, null)).isEqualTo(AnnotationSelector.everything());
    assertThat(AnnotationSelector.of(Map.of(), List.of()).isEverything()).isTrue();
    assertThat(AnnotationSelector.everything().matches(null)).isTrue();
  }

  @Test
  void to_string_quotes_values_that_are_not_plain() {
    AnnotationSelector selector =
        AnnotationSelector.of(
            Map.of("b", "x \"y\"\n"), List.of(Requirement.of("a", Operator.IN, "plain", "a,b")));

    assertThat(selector).hasToString("a in (\"a,b\",plain),b=\"x \\\"y\\\"\\n\"");
    assertThat(AnnotationSelector.nothing()).hasToString("<nothing>");
  }

  @Test
  void equality_follows_meaning() {
    AnnotationSelector one = AnnotationSelector.of(Map.of("a", "x y"), null);
    AnnotationSelector other =
        AnnotationSelector.of(null, List.of(Requirement.of("a", Operator.IN, "x y")));

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(AnnotationSelector.of(Map.of("a", "x"), null));
  }
}
