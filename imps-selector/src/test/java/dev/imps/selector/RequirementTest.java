package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each operator matches, including absent keys and empty values, as in apimachinery. */
class RequirementTest {

  private static final Map<String, String> NO_LABELS = Map.of();
  private static final Map<String, String> ENV_PROD = Map.of("env", "prod");
  private static final Map<String, String> ENV_DEV = Map.of("env", "dev");
  private static final Map<String, String> ENV_EMPTY = Map.of("env", "");
  private static final Map<String, String> OTHER_KEY = Map.of("tier", "prod");

  static Stream<Arguments> operatorsAgainstLabels() {
    return Stream.of(
        // In and its single-value spellings
        arguments(Operator.IN, List.of("prod"), ENV_PROD, true),
        arguments(Operator.IN, List.of("prod"), ENV_DEV, false),
        arguments(Operator.IN, List.of("dev", "prod"), ENV_DEV, true),
        arguments(Operator.IN, List.of("prod"), NO_LABELS, false),
        arguments(Operator.IN, List.of("prod"), OTHER_KEY, false),
        arguments(Operator.IN, List.of(""), ENV_EMPTY, true),
        arguments(Operator.IN, List.of(""), NO_LABELS, false),
        arguments(Operator.EQUALS, List.of("prod"), ENV_PROD, true),
        arguments(Operator.EQUALS, List.of("prod"), ENV_DEV, false),
        arguments(Operator.EQUALS, List.of("prod"), NO_LABELS, false),
        arguments(Operator.EQUALS, List.of(""), ENV_EMPTY, true),
        arguments(Operator.EQUALS, List.of(""), NO_LABELS, false),
        arguments(Operator.DOUBLE_EQUALS, List.of("prod"), ENV_PROD, true),
        arguments(Operator.DOUBLE_EQUALS, List.of("prod"), NO_LABELS, false),
        // NotIn and !=: an absent key matches
        arguments(Operator.NOT_IN, List.of("prod"), ENV_PROD, false),
        arguments(Operator.NOT_IN, List.of("prod"), ENV_DEV, true),
        arguments(Operator.NOT_IN, List.of("dev", "prod"), ENV_DEV, false),
        arguments(Operator.NOT_IN, List.of("prod"), NO_LABELS, true),
        arguments(Operator.NOT_IN, List.of("prod"), OTHER_KEY, true),
        arguments(Operator.NOT_IN, List.of(""), ENV_EMPTY, false),
        arguments(Operator.NOT_IN, List.of(""), ENV_PROD, true),
        arguments(Operator.NOT_EQUALS, List.of("prod"), ENV_PROD, false),
        arguments(Operator.NOT_EQUALS, List.of("prod"), ENV_DEV, true),
        arguments(Operator.NOT_EQUALS, List.of("prod"), NO_LABELS, true),
        arguments(Operator.NOT_EQUALS, List.of(""), ENV_EMPTY, false),
        // Exists / DoesNotExist look at the key only
        arguments(Operator.EXISTS, List.of(), ENV_PROD, true),
        arguments(Operator.EXISTS, List.of(), ENV_EMPTY, true),
        arguments(Operator.EXISTS, List.of(), NO_LABELS, false),
        arguments(Operator.EXISTS, List.of(), OTHER_KEY, false),
        arguments(Operator.DOES_NOT_EXIST, List.of(), ENV_PROD, false),
        arguments(Operator.DOES_NOT_EXIST, List.of(), ENV_EMPTY, false),
        arguments(Operator.DOES_NOT_EXIST, List.of(), NO_LABELS, true),
        arguments(Operator.DOES_NOT_EXIST, List.of(), OTHER_KEY, true),
        // Gt / Lt compare integers; absent keys and non-integers never match
        arguments(Operator.GREATER_THAN, List.of("5"), Map.of("env", "6"), true),
        arguments(Operator.GREATER_THAN, List.of("5"), Map.of("env", "5"), false),
        arguments(Operator.GREATER_THAN, List.of("5"), Map.of("env", "10"), true),
        arguments(Operator.GREATER_THAN, List.of("5"), Map.of("env", "-6"), false),
        arguments(Operator.GREATER_THAN, List.of("5"), ENV_PROD, false),
        arguments(Operator.GREATER_THAN, List.of("5"), ENV_EMPTY, false),
        arguments(Operator.GREATER_THAN, List.of("5"), NO_LABELS, false),
        arguments(Operator.LESS_THAN, List.of("5"), Map.of("env", "4"), true),
        arguments(Operator.LESS_THAN, List.of("5"), Map.of("env", "5"), false),
        arguments(Operator.LESS_THAN, List.of("5"), Map.of("env", "-4"), true),
        arguments(Operator.LESS_THAN, List.of("5"), ENV_PROD, false),
        arguments(Operator.LESS_THAN, List.of("5"), NO_LABELS, false));
  }

  @ParameterizedTest(name = "env {0} {1} against {2} matches: {3}")
  @MethodSource("operatorsAgainstLabels")
  void each_operator_matches_like_apimachinery(
      Operator operator, List<String> values, Map<String, String> labels, boolean expected) {
    Requirement requirement = Requirement.of("env", operator, values);

    assertThat(requirement.matches(labels)).isEqualTo(expected);
  }

  @Test
  void null_labels_are_treated_as_no_labels() {
    assertThat(Requirement.of("env", Operator.NOT_IN, "prod").matches(null)).isTrue();
    assertThat(Requirement.of("env", Operator.EXISTS).matches(null)).isFalse();
  }

  @Test
  void a_key_mapped_to_null_counts_as_absent() {
    Map<String, String> labels = new HashMap<>();
    labels.put("env", null);

    assertThat(Requirement.of("env", Operator.EXISTS).matches(labels)).isFalse();
    assertThat(Requirement.of("env", Operator.DOES_NOT_EXIST).matches(labels)).isTrue();
  }

  @Test
  void many_values_are_looked_up_correctly() {
    String[] values = new String[50];
    for (int i = 0; i < values.length; i++) {
      values[i] = "v" + i;
    }
    Requirement requirement = Requirement.of("env", Operator.IN, values);

    assertThat(requirement.matches(Map.of("env", "v37"))).isTrue();
    assertThat(requirement.matches(Map.of("env", "v50"))).isFalse();
  }

  static Stream<Arguments> wrongNumbersOfValues() {
    return Stream.of(
        arguments(Operator.IN, List.of(), "values must not be empty"),
        arguments(Operator.NOT_IN, List.of(), "values must not be empty"),
        arguments(Operator.EXISTS, List.of("a"), "values must be empty"),
        arguments(Operator.DOES_NOT_EXIST, List.of("a"), "values must be empty"),
        arguments(Operator.EQUALS, List.of(), "exactly one value"),
        arguments(Operator.EQUALS, List.of("a", "b"), "exactly one value"),
        arguments(Operator.EQUALS, List.of("a", "a"), "exactly one value"),
        arguments(Operator.DOUBLE_EQUALS, List.of(), "exactly one value"),
        arguments(Operator.NOT_EQUALS, List.of("a", "b"), "exactly one value"),
        arguments(Operator.GREATER_THAN, List.of(), "exactly one value"),
        arguments(Operator.LESS_THAN, List.of("1", "2"), "exactly one value"),
        arguments(Operator.GREATER_THAN, List.of("x"), "must be an integer"),
        arguments(Operator.LESS_THAN, List.of("1.5"), "must be an integer"),
        arguments(Operator.LESS_THAN, List.of("99999999999999999999"), "must be an integer"));
  }

  @ParameterizedTest(name = "{0} with {1} is rejected: {2}")
  @MethodSource("wrongNumbersOfValues")
  void the_number_of_values_must_suit_the_operator(
      Operator operator, List<String> values, String reason) {
    assertThatThrownBy(() -> Requirement.of("tier", operator, values))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining("key \"tier\"")
        .hasMessageContaining(reason);
  }

  @Test
  void an_invalid_key_is_named_in_the_message() {
    assertThatThrownBy(() -> Requirement.of("bad key", Operator.EXISTS))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageStartingWith("key \"bad key\": name part must consist of");
  }

  @Test
  void values_are_not_checked_as_label_values_by_the_requirement_itself() {
    Requirement requirement = Requirement.of("a", Operator.IN, "any text, really");

    assertThat(requirement.values()).containsExactly("any text, really");
  }

  @Test
  void values_are_sorted_and_without_duplicates() {
    Requirement requirement = Requirement.of("a", Operator.IN, "c", "a", "b", "a");

    assertThat(requirement.values()).containsExactly("a", "b", "c");
    assertThat(requirement).hasToString("a in (a,b,c)");
  }

  static Stream<Arguments> spellingsOfTheSameRequirement() {
    return Stream.of(
        arguments(Requirement.of("a", Operator.EQUALS, "b"), Requirement.of("a", Operator.IN, "b")),
        arguments(
            Requirement.of("a", Operator.DOUBLE_EQUALS, "b"),
            Requirement.of("a", Operator.EQUALS, "b")),
        arguments(
            Requirement.of("a", Operator.NOT_EQUALS, "b"),
            Requirement.of("a", Operator.NOT_IN, "b")),
        arguments(
            Requirement.of("a", Operator.IN, "c", "b"),
            Requirement.of("a", Operator.IN, "b", "c")));
  }

  @ParameterizedTest(name = "{0} equals {1}")
  @MethodSource("spellingsOfTheSameRequirement")
  void requirements_with_the_same_meaning_are_equal(Requirement one, Requirement other) {
    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
  }

  static Stream<Arguments> differentRequirements() {
    return Stream.of(
        arguments(Requirement.of("a", Operator.IN, "b"), Requirement.of("a", Operator.NOT_IN, "b")),
        arguments(Requirement.of("a", Operator.IN, "b"), Requirement.of("c", Operator.IN, "b")),
        arguments(
            Requirement.of("a", Operator.IN, "b"), Requirement.of("a", Operator.IN, "b", "c")),
        arguments(
            Requirement.of("a", Operator.EXISTS), Requirement.of("a", Operator.DOES_NOT_EXIST)),
        arguments(
            Requirement.of("a", Operator.GREATER_THAN, "1"),
            Requirement.of("a", Operator.LESS_THAN, "1")));
  }

  @ParameterizedTest(name = "{0} differs from {1}")
  @MethodSource("differentRequirements")
  void requirements_with_different_meaning_differ(Requirement one, Requirement other) {
    assertThat(one).isNotEqualTo(other);
  }

  static Stream<Arguments> printedForms() {
    return Stream.of(
        arguments(Requirement.of("a", Operator.IN, "y", "x"), "a in (x,y)"),
        arguments(Requirement.of("a", Operator.NOT_IN, "x"), "a notin (x)"),
        arguments(Requirement.of("a", Operator.EXISTS), "a"),
        arguments(Requirement.of("a", Operator.DOES_NOT_EXIST), "!a"),
        arguments(Requirement.of("a", Operator.EQUALS, "x"), "a=x"),
        arguments(Requirement.of("a", Operator.DOUBLE_EQUALS, "x"), "a==x"),
        arguments(Requirement.of("a", Operator.NOT_EQUALS, "x"), "a!=x"),
        arguments(Requirement.of("a", Operator.GREATER_THAN, "3"), "a>3"),
        arguments(Requirement.of("a", Operator.LESS_THAN, "3"), "a<3"),
        arguments(Requirement.of("a", Operator.IN, ""), "a in ()"),
        arguments(Requirement.of("a", Operator.EQUALS, ""), "a="));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("printedForms")
  void a_requirement_prints_in_apimachinery_syntax(Requirement requirement, String printed) {
    assertThat(requirement).hasToString(printed);
  }
}
