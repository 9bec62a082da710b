package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kubernetes' rules for qualified names and label values, as in apimachinery's validation. */
class KubernetesNamesTest {

  static Stream<Arguments> labelValueLengths() {
    return Stream.of(
        arguments(0, true), arguments(1, true), arguments(63, true), arguments(64, false));
  }

  static Stream<Arguments> nameLengths() {
    return Stream.of(arguments(1, true), arguments(63, true), arguments(64, false));
  }

  static Stream<Arguments> prefixLengths() {
    return Stream.of(arguments(1, true), arguments(253, true), arguments(254, false));
  }

  /** A valid DNS-1123 subdomain of exactly {@code length} characters, made of dotted labels. */
  static String prefixOfLength(int length) {
    StringBuilder prefix = new StringBuilder();
    while (prefix.length() < length) {
      prefix.append(prefix.length() % 10 == 9 ? '.' : (char) ('a' + prefix.length() % 10));
    }
    if (prefix.charAt(length - 1) == '.') {
      prefix.setCharAt(length - 1, 'z');
    }
    return prefix.toString();
  }

  static Stream<Arguments> qualifiedNames() {
    return Stream.of(
        arguments("a", null),
        arguments("A", null),
        arguments("9", null),
        arguments("app.kubernetes.io/name", null),
        arguments("example.com/My_Name-1.x", null),
        arguments("in", null),
        arguments("a-b", null),
        arguments("a_b", null),
        arguments("a.b", null),
        arguments("", "name part must be non-empty"),
        arguments("example.com/", "name part must be non-empty"),
        arguments("/name", "prefix part must be non-empty"),
        arguments("a/b/c", "a qualified name must be"),
        arguments("-a", "name part must consist of"),
        arguments("a-", "name part must consist of"),
        arguments("_a", "name part must consist of"),
        arguments("a.", "name part must consist of"),
        arguments("a b", "name part must consist of"),
        arguments("a@b", "name part must consist of"),
        arguments("\u00e9", "name part must consist of"),
        arguments("Example.com/a", "prefix part a lowercase RFC 1123 subdomain"),
        arguments("ex_ample.com/a", "prefix part a lowercase RFC 1123 subdomain"),
        arguments("example..com/a", "prefix part a lowercase RFC 1123 subdomain"),
        arguments(".example.com/a", "prefix part a lowercase RFC 1123 subdomain"),
        arguments("example-.com/a", "prefix part a lowercase RFC 1123 subdomain"),
        arguments("example.com-/a", "prefix part a lowercase RFC 1123 subdomain"));
  }

  @ParameterizedTest(name = "key \"{0}\" gives error: {1}")
  @MethodSource("qualifiedNames")
  void keys_must_be_qualified_names(String key, String expectedError) {
    String error = KubernetesNames.qualifiedNameError(key);

    if (expectedError == null) {
      assertThat(error).isNull();
    } else {
      assertThat(error).startsWith(expectedError);
    }
  }

  @ParameterizedTest(name = "a key name part of {0} characters is valid: {1}")
  @MethodSource("nameLengths")
  void the_name_part_of_a_key_has_at_most_63_characters(int length, boolean valid) {
    String name = "n".repeat(length);

    assertThat(KubernetesNames.qualifiedNameError(name) == null).isEqualTo(valid);
    assertThat(KubernetesNames.qualifiedNameError("example.com/" + name) == null).isEqualTo(valid);
  }

  @ParameterizedTest(name = "a key prefix of {0} characters is valid: {1}")
  @MethodSource("prefixLengths")
  void the_prefix_of_a_key_has_at_most_253_characters(int length, boolean valid) {
    String prefix = prefixOfLength(length);

    assertThat(prefix).hasSize(length);
    assertThat(KubernetesNames.qualifiedNameError(prefix + "/name") == null).isEqualTo(valid);
  }

  static Stream<Arguments> labelValues() {
    return Stream.of(
        arguments("", null),
        arguments("a", null),
        arguments("Z9", null),
        arguments("v1.2_3-x", null),
        arguments("-a", "a valid label value must be"),
        arguments("a-", "a valid label value must be"),
        arguments(".a", "a valid label value must be"),
        arguments("a b", "a valid label value must be"),
        arguments("a/b", "a valid label value must be"),
        arguments("a,b", "a valid label value must be"),
        arguments("true!", "a valid label value must be"));
  }

  @ParameterizedTest(name = "label value \"{0}\" gives error: {1}")
  @MethodSource("labelValues")
  void label_values_are_empty_or_alphanumeric_bounded(String value, String expectedError) {
    String error = KubernetesNames.labelValueError(value);

    if (expectedError == null) {
      assertThat(error).isNull();
    } else {
      assertThat(error).startsWith(expectedError);
    }
  }

  @ParameterizedTest(name = "a label value of {0} characters is valid: {1}")
  @MethodSource("labelValueLengths")
  void label_values_have_at_most_63_characters(int length, boolean valid) {
    assertThat(KubernetesNames.labelValueError("v".repeat(length)) == null).isEqualTo(valid);
  }
}
