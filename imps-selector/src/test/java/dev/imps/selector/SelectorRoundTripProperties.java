package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the two selector forms: printing and parsing round-trip, and a selector written in
 * the string syntax (by this test, independently of {@code toString}) matches exactly like the same
 * selector built from the {@code metav1.LabelSelector} form.
 */
class SelectorRoundTripProperties {

  private static final String ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String[] WHITESPACE = {" ", "\t", "\n", "\r", "  "};

  @Property(tries = 2000)
  void printing_then_parsing_gives_an_equal_selector(@ForAll("selectors") Metav1Form form) {
    LabelSelector selector = form.toSelector();

    LabelSelector reparsed = LabelSelector.parse(selector.toString());

    assertThat(reparsed).isEqualTo(selector);
    assertThat(reparsed).hasToString(selector.toString());
  }

  @Property(tries = 2000)
  void the_string_form_and_the_metav1_form_match_the_same_labels(
      @ForAll("selectors") Metav1Form form,
      @ForAll long seed,
      @ForAll("labelSets") List<Map<String, String>> labelSets) {
    LabelSelector built = form.toSelector();

    LabelSelector parsed = LabelSelector.parse(form.writeAsString(new Random(seed)));

    assertThat(parsed).isEqualTo(built);
    for (Map<String, String> labels : labelSets) {
      assertThat(parsed.matches(labels)).as("labels %s", labels).isEqualTo(built.matches(labels));
    }
  }

  @Property(tries = 1000)
  void annotation_selectors_match_like_label_selectors_on_label_values(
      @ForAll("selectors") Metav1Form form,
      @ForAll("labelSets") List<Map<String, String>> labelSets) {
    LabelSelector labels = form.toSelector();
    AnnotationSelector annotations = AnnotationSelector.of(form.matchLabels(), form.expressions());

    for (Map<String, String> set : labelSets) {
      assertThat(annotations.matches(set)).isEqualTo(labels.matches(set));
    }
  }

  /** A {@code metav1.LabelSelector}: match labels and match expressions. */
  record Metav1Form(Map<String, String> matchLabels, List<Requirement> expressions) {

    LabelSelector toSelector() {
      return LabelSelector.of(matchLabels, expressions);
    }

    /** Writes the selector in the string syntax with random order, spelling and whitespace. */
    String writeAsString(Random random) {
      List<String> parts = new ArrayList<>();
      matchLabels.forEach(
          (key, value) -> {
            String operator = List.of("=", "==").get(random.nextInt(2));
            parts.add(
                random.nextBoolean()
                    ? key + space(random, 0) + operator + space(random, 0) + value
                    : key + space(random, 1) + "in" + space(random, 0) + "(" + value + ")");
          });
      for (Requirement requirement : expressions) {
        parts.add(write(requirement, random));
      }
      Collections.shuffle(parts, random);
      StringBuilder out = new StringBuilder(space(random, 0));
      for (int i = 0; i < parts.size(); i++) {
        out.append(i == 0 ? "" : space(random, 0) + "," + space(random, 0)).append(parts.get(i));
      }
      return out.append(space(random, 0)).toString();
    }

    private static String write(Requirement requirement, Random random) {
      String key = requirement.key();
      List<String> values = new ArrayList<>(requirement.values());
      Collections.shuffle(values, random);
      return switch (requirement.operator()) {
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + space(random, 0) + key;
        case IN, NOT_IN ->
            key
                + space(random, 1)
                + (requirement.operator() == Operator.IN ? "in" : "notin")
                + space(random, 0)
                + "("
                + String.join(space(random, 0) + "," + space(random, 0), values)
                + ")";
        case EQUALS -> key + space(random, 0) + "=" + space(random, 0) + values.get(0);
        case DOUBLE_EQUALS -> key + space(random, 0) + "==" + space(random, 0) + values.get(0);
        case NOT_EQUALS -> key + space(random, 0) + "!=" + space(random, 0) + values.get(0);
        case GREATER_THAN -> key + space(random, 0) + ">" + space(random, 0) + values.get(0);
        case LESS_THAN -> key + space(random, 0) + "<" + space(random, 0) + values.get(0);
      };
    }

    private static String space(Random random, int minimum) {
      int count = minimum + random.nextInt(2);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < count; i++) {
        out.append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
      }
      return out.toString();
    }
  }

  @Provide
  Arbitrary<Metav1Form> selectors() {
    Arbitrary<Map<String, String>> matchLabels =
        Arbitraries.maps(keys(), values()).ofMaxSize(3).map(LinkedHashMap::new);
    Arbitrary<List<Requirement>> expressions = requirements().list().ofMaxSize(4);
    return Combinators.combine(matchLabels, expressions).as(Metav1Form::new);
  }

  @Provide
  Arbitrary<List<Map<String, String>>> labelSets() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(5).list().ofMaxSize(20);
  }

  private Arbitrary<Requirement> requirements() {
    Arbitrary<Operator> operators = Arbitraries.of(Operator.class);
    return Combinators.combine(keys(), operators, values().list().ofMinSize(1).ofMaxSize(4))
        .as(
            (key, operator, values) ->
                switch (operator) {
                  case IN, NOT_IN -> Requirement.of(key, operator, values);
                  case EXISTS, DOES_NOT_EXIST -> Requirement.of(key, operator);
                  case EQUALS, DOUBLE_EQUALS, NOT_EQUALS ->
                      Requirement.of(key, operator, values.get(0));
                  case GREATER_THAN, LESS_THAN ->
                      Requirement.of(key, operator, String.valueOf(values.get(0).length() % 7));
                });
  }

  /** Mostly keys from a small pool, so that selectors and labels meet; sometimes any valid key. */
  private static Arbitrary<String> keys() {
    Arbitrary<String> pool = Arbitraries.of("a", "b", "app", "example.com/tier", "in", "notin");
    Arbitrary<String> any =
        Combinators.combine(prefixes().injectNull(0.5), qualifiedNameParts(63))
            .as((prefix, name) -> prefix == null ? name : prefix + "/" + name);
    return Arbitraries.frequencyOf(Tuple.of(8, pool), Tuple.of(2, any));
  }

  /** Mostly values from a small pool including the empty value and integers; sometimes any. */
  private static Arbitrary<String> values() {
    Arbitrary<String> pool = Arbitraries.of("", "x", "y", "1", "10", "-", "in");
    Arbitrary<String> any = qualifiedNameParts(63).injectNull(0.1).map(v -> v == null ? "" : v);
    return Arbitraries.frequencyOf(Tuple.of(8, pool), Tuple.of(2, any))
        .filter(v -> KubernetesNames.labelValueError(v) == null);
  }

  /** Strings of {@code [A-Za-z0-9-_.]} with alphanumeric ends, 1 to {@code max} characters. */
  private static Arbitrary<String> qualifiedNameParts(int max) {
    Arbitrary<Character> ends = Arbitraries.chars().with(ALPHANUMERIC.toCharArray());
    Arbitrary<String> middles =
        Arbitraries.strings().withChars(ALPHANUMERIC + "-_.").ofMaxLength(max - 2);
    Arbitrary<String> longer =
        Combinators.combine(ends, middles, ends).as((a, middle, b) -> a + middle + b);
    return Arbitraries.oneOf(ends.map(String::valueOf), longer);
  }

  /** DNS-1123 subdomains: lower-case labels joined by dots, at most 253 characters. */
  private static Arbitrary<String> prefixes() {
    Arbitrary<Character> ends = Arbitraries.chars().with("abcxyz0189".toCharArray());
    Arbitrary<String> middles = Arbitraries.strings().withChars("abz09-").ofMaxLength(20);
    Arbitrary<String> label =
        Arbitraries.oneOf(
            ends.map(String::valueOf),
            Combinators.combine(ends, middles, ends).as((a, middle, b) -> a + middle + b));
    return label
        .list()
        .ofMinSize(1)
        .ofMaxSize(12)
        .map(labels -> String.join(".", labels))
        .filter(prefix -> prefix.length() <= 253);
  }
}
