package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The string syntax, corner cases taken from apimachinery's {@code labels.Parse}. */
class LabelSelectorParseTest {

  static Stream<Arguments> validSelectorsAndTheirCanonicalForm() {
    return Stream.of(
        arguments("", ""),
        arguments("   \t\n ", ""),
        arguments("a=b", "a=b"),
        arguments("a==b", "a==b"),
        arguments("a!=b", "a!=b"),
        arguments("a in (b,c)", "a in (b,c)"),
        arguments("a in (c,b,c)", "a in (b,c)"),
        arguments("a notin (b)", "a notin (b)"),
        arguments("a", "a"),
        arguments("!a", "!a"),
        arguments("k>1", "k>1"),
        arguments("k<10", "k<10"),
        arguments("  a = b ,  c  in(d) , ! e ", "a=b,c in (d),!e"),
        arguments("z,y,x", "x,y,z"),
        arguments("a=", "a="),
        arguments("a=,b", "a=,b"),
        arguments("a!=", "a!="),
        arguments("a in ()", "a in ()"),
        arguments("a in (,b)", "a in (,b)"),
        arguments("a in (b,)", "a in (,b)"),
        arguments("a in (b,,c)", "a in (,b,c)"),
        arguments("x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"),
        arguments("in in (in,notin)", "in in (in,notin)"),
        arguments("notin notin (in)", "notin notin (in)"),
        arguments("a=in", "a=in"),
        arguments("in", "in"),
        arguments("!notin", "!notin"),
        arguments("example.com/App=V_1.0-x", "example.com/App=V_1.0-x"),
        arguments("App=b,app=c", "App=b,app=c"));
  }

  @ParameterizedTest(name = "\"{0}\" parses and prints as \"{1}\"")
  @MethodSource("validSelectorsAndTheirCanonicalForm")
  void a_valid_selector_parses_to_its_canonical_form(String input, String canonical) {
    LabelSelector selector = LabelSelector.parse(input);

    assertThat(selector).hasToString(canonical);
    assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
  }

  static Stream<Arguments> parsedSelectorsAndTheirRequirements() {
    return Stream.of(
        arguments("a=b", List.of(Requirement.of("a", Operator.EQUALS, "b"))),
        arguments("a==b", List.of(Requirement.of("a", Operator.DOUBLE_EQUALS, "b"))),
        arguments("a!=b", List.of(Requirement.of("a", Operator.NOT_EQUALS, "b"))),
        arguments("a in (b,c)", List.of(Requirement.of("a", Operator.IN, "b", "c"))),
        arguments("a notin (b)", List.of(Requirement.of("a", Operator.NOT_IN, "b"))),
        arguments("a", List.of(Requirement.of("a", Operator.EXISTS))),
        arguments("!a", List.of(Requirement.of("a", Operator.DOES_NOT_EXIST))),
        arguments("k>7", List.of(Requirement.of("k", Operator.GREATER_THAN, "7"))),
        arguments("k<7", List.of(Requirement.of("k", Operator.LESS_THAN, "7"))),
        arguments("a=", List.of(Requirement.of("a", Operator.EQUALS, ""))),
        arguments("a in ()", List.of(Requirement.of("a", Operator.IN, ""))),
        arguments(
            "b,a=1",
            List.of(
                Requirement.of("a", Operator.EQUALS, "1"), Requirement.of("b", Operator.EXISTS))));
  }

  @ParameterizedTest(name = "\"{0}\" has the requirements {1}")
  @MethodSource("parsedSelectorsAndTheirRequirements")
  void parsing_yields_the_written_operator_and_values(String input, List<Requirement> expected) {
    List<Requirement> requirements = LabelSelector.parse(input).requirements();

    assertThat(requirements).containsExactlyElementsOf(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(requirements.get(i).operator()).isEqualTo(expected.get(i).operator());
    }
  }

  static Stream<Arguments> invalidSelectorsWithPositionAndMessage() {
    return Stream.of(
        arguments("a=b,", 4, "found end of string, expected: identifier after ','"),
        arguments(",a", 0, "found ',', expected: !, identifier, or end of string"),
        arguments("=a", 0, "found '=', expected: !, identifier, or end of string"),
        arguments("a b", 2, "found 'b' after key \"a\""),
        arguments("a=b c", 4, "found 'c', expected: ',' or end of string"),
        arguments("a in b", 5, "found 'b', expected: '('"),
        arguments("a in", 4, "found end of string, expected: '('"),
        arguments("a in (b", 7, "found end of string, expected: ',' or ')'"),
        arguments("a in (b c)", 8, "found 'c', expected: ',' or ')'"),
        arguments("a in (b,,)", 9, "found ')', expected: ',' or identifier"),
        arguments("a in (=)", 6, "found '=', expected: ',', ')' or identifier"),
        arguments("a=(b)", 2, "found '(', expected: identifier"),
        arguments("!a=b", 2, "found '=', expected: ',' or end of string"),
        arguments("!", 1, "found end of string, expected: identifier"),
        arguments("!!a", 1, "found '!', expected: identifier"),
        arguments("a,,b", 2, "found ',', expected: identifier after ','"),
        arguments("Bad_Prefix/a=b", 0, "key \"Bad_Prefix/a\": prefix part"),
        arguments("a/b/c", 0, "key \"a/b/c\""),
        arguments("-a", 0, "key \"-a\": name part must consist of"),
        arguments("a=-b", 2, "key \"a\": value \"-b\""),
        arguments("a in (ok,b@d)", 9, "value \"b@d\""),
        arguments("a=b c=d", 4, "found 'c'"),
        arguments("k>x", 0, "key \"k\", operator Gt: value \"x\" must be an integer"),
        arguments("k>", 0, "value \"\" must be an integer"),
        arguments("k<-1", 2, "value \"-1\""),
        arguments("a\u0000b", 1, "NUL character is not allowed"),
        arguments("<nothing>", 0, "found '<'"));
  }

  @ParameterizedTest(name = "\"{0}\" is rejected at position {1}: {2}")
  @MethodSource("invalidSelectorsWithPositionAndMessage")
  void an_invalid_selector_is_rejected_with_position_and_reason(
      String input, int position, String reason) {
    assertThatThrownBy(() -> LabelSelector.parse(input))
        .isInstanceOfSatisfying(
            InvalidSelectorException.class, e -> assertThat(e.position()).isEqualTo(position))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid label selector ")
        .hasMessageContaining("position " + position + ": ")
        .hasMessageContaining(reason);
  }

  @ParameterizedTest(name = "a value of {0} characters is {1}")
  @MethodSource("dev.imps.selector.KubernetesNamesTest#labelValueLengths")
  void parsed_values_are_limited_to_63_characters(int length, boolean valid) {
    String selector = "a=" + "v".repeat(length);

    if (valid) {
      assertThat(LabelSelector.parse(selector).toString()).isEqualTo(selector);
    } else {
      assertThatThrownBy(() -> LabelSelector.parse(selector))
          .isInstanceOf(InvalidSelectorException.class)
          .hasMessageContaining("must be no more than 63 characters");
    }
  }

  @ParameterizedTest(name = "a key prefix of {0} characters is {1}")
  @MethodSource("dev.imps.selector.KubernetesNamesTest#prefixLengths")
  void parsed_key_prefixes_are_limited_to_253_characters(int length, boolean valid) {
    String key = KubernetesNamesTest.prefixOfLength(length) + "/name";

    if (valid) {
      assertThat(LabelSelector.parse(key).requirements())
          .extracting(Requirement::key)
          .containsExactly(key);
    } else {
      assertThatThrownBy(() -> LabelSelector.parse(key))
          .isInstanceOf(InvalidSelectorException.class)
          .hasMessageContaining("prefix part must be no more than 253 characters");
    }
  }

  @ParameterizedTest(name = "a key name of {0} characters is {1}")
  @MethodSource("dev.imps.selector.KubernetesNamesTest#nameLengths")
  void parsed_key_names_are_limited_to_63_characters(int length, boolean valid) {
    String key = "k".repeat(length);

    if (valid) {
      assertThat(LabelSelector.parse("!" + key)).hasToString("!" + key);
    } else {
      assertThatThrownBy(() -> LabelSelector.parse("!" + key))
          .isInstanceOf(InvalidSelectorException.class)
          .hasMessageContaining("name part must be no more than 63 characters");
    }
  }

  @org.junit.jupiter.api.Test
  void a_very_long_invalid_input_is_shortened_in_the_message() {
    String input = "a=" + "x".repeat(5000) + " junk";

    assertThatThrownBy(() -> LabelSelector.parse(input))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining("(5007 characters)")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(600));
  }
}
