package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code metav1.LabelSelector} form, whole-selector matching, and the special selectors. */
class LabelSelectorTest {

  static Stream<Arguments> selectorsAgainstLabels() {
    Map<String, String> webProd = Map.of("app", "web", "env", "prod");
    Map<String, String> webDev = Map.of("app", "web", "env", "dev");
    Map<String, String> dbProd = Map.of("app", "db", "env", "prod");
    Map<String, String> none = Map.of();
    return Stream.of(
        arguments("", webProd, true),
        arguments("", none, true),
        arguments("app=web", webProd, true),
        arguments("app=web,env=prod", webProd, true),
        arguments("app=web,env=prod", webDev, false),
        arguments("app=web,env=prod", dbProd, false),
        arguments("app in (web,db),env!=dev", dbProd, true),
        arguments("app in (web,db),env!=dev", webDev, false),
        arguments("app,!tier", webProd, true),
        arguments("app,tier", webProd, false),
        arguments("env notin (dev),!app", none, true),
        arguments("env notin (dev),app", none, false),
        arguments("env=", none, false),
        arguments("env!=", none, true),
        arguments("env!=", webProd, true),
        arguments("App=web", webProd, false));
  }

  @ParameterizedTest(name = "\"{0}\" against {1} matches: {2}")
  @MethodSource("selectorsAgainstLabels")
  void all_requirements_of_a_selector_must_hold(
      String selector, Map<String, String> labels, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(labels)).isEqualTo(expected);
  }

  @Test
  void match_labels_become_equality_requirements_sorted_by_key() {
    Map<String, String> matchLabels = new LinkedHashMap<>();
    matchLabels.put("tier", "front");
    matchLabels.put("app", "web");

    LabelSelector selector =
        LabelSelector.of(matchLabels, List.of(Requirement.of("env", Operator.NOT_IN, "dev")));

    assertThat(selector).hasToString("app=web,env notin (dev),tier=front");
    assertThat(selector).isEqualTo(LabelSelector.parse("tier=front,env notin (dev),app=web"));
    assertThat(selector).isEqualTo(LabelSelector.parse("app in (web),tier==front,env!=dev"));
  }

  static Stream<Arguments> emptySelectorForms() {
    return Stream.of(
        arguments(LabelSelector.of(null, null)),
        arguments(LabelSelector.of(Map.of(), List.of())),
        arguments(LabelSelector.parse("")),
        arguments(LabelSelector.everything()));
  }

  @ParameterizedTest(name = "{index}: an empty selector matches everything")
  @MethodSource("emptySelectorForms")
  void an_empty_selector_matches_everything(LabelSelector selector) {
    assertThat(selector.isEverything()).isTrue();
    assertThat(selector.isNothing()).isFalse();
    assertThat(selector.matches(Map.of())).isTrue();
    assertThat(selector.matches(null)).isTrue();
    assertThat(selector.matches(Map.of("any", "thing"))).isTrue();
    assertThat(selector).isEqualTo(LabelSelector.everything()).hasToString("");
  }

  @Test
  void nothing_matches_nothing_and_does_not_print_as_a_parseable_selector() {
    LabelSelector nothing = LabelSelector.nothing();

    assertThat(nothing.matches(Map.of())).isFalse();
    assertThat(nothing.matches(Map.of("any", "thing"))).isFalse();
    assertThat(nothing.isNothing()).isTrue();
    assertThat(nothing.isEverything()).isFalse();
    assertThat(nothing.requirements()).isEmpty();
    assertThat(nothing).isNotEqualTo(LabelSelector.everything()).hasToString("<nothing>");
    assertThatThrownBy(() -> LabelSelector.parse(nothing.toString()))
        .isInstanceOf(InvalidSelectorException.class);
  }

  static Stream<Arguments> invalidMetav1Selectors() {
    return Stream.of(
        arguments(Map.of("bad key", "v"), List.of(), "matchLabels: key \"bad key\""),
        arguments(
            Map.of("app", "not valid"), List.of(), "matchLabels: key \"app\": value \"not valid\""),
        arguments(Map.of("app", "v".repeat(64)), List.of(), "must be no more than 63 characters"),
        arguments(
            Map.of(),
            List.of(
                Requirement.of("ok", Operator.EXISTS),
                Requirement.of("tier", Operator.IN, "a", "b c")),
            "matchExpressions[1]: key \"tier\": value \"b c\""));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidMetav1Selectors")
  void invalid_keys_and_values_are_named_with_their_field(
      Map<String, String> matchLabels, List<Requirement> expressions, String message) {
    assertThatThrownBy(() -> LabelSelector.of(matchLabels, expressions))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining(message);
  }

  @Test
  void an_empty_label_value_is_allowed() {
    LabelSelector selector = LabelSelector.of(Map.of("app", ""), null);

    assertThat(selector.matches(Map.of("app", ""))).isTrue();
    assertThat(selector.matches(Map.of("app", "web"))).isFalse();
    assertThat(selector).hasToString("app=");
  }

  @Test
  void a_null_expression_is_named_by_index() {
    List<Requirement> expressions = new java.util.ArrayList<>();
    expressions.add(Requirement.of("a", Operator.EXISTS));
    expressions.add(null);

    assertThatThrownBy(() -> LabelSelector.of(null, expressions))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("matchExpressions[1] is null");
  }

  @Test
  void requirements_are_listed_by_key_and_cannot_be_modified() {
    LabelSelector selector = LabelSelector.parse("b,a,c=1");

    assertThat(selector.requirements()).extracting(Requirement::key).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> selector.requirements().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equal_selectors_have_equal_hash_codes() {
    LabelSelector one = LabelSelector.parse("a=1,b in (x,y)");
    LabelSelector other = LabelSelector.parse("b in (y,x), a==1");

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(LabelSelector.parse("a=1"));
  }
}
