package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The offline check of the CRD's rules, one rule kind per row. {@code CrdSchemaParityIT} compares
 * the same kind of table with the verdicts of a real API server.
 */
class CrdSchemaCheckTest {

  static final String SOURCE = "registry: {credentials: [{name: s, namespace: apps}]}\n";

  static Stream<Arguments> specs() {
    return Stream.of(
        row("a minimal spec", "target: {secret: {name: pull}}"),
        row(
            "a target name that is not a DNS subdomain",
            "target: {secret: {name: Pull_Secret}}",
            "spec.target.secret.name: must match"),
        row(
            "a target name longer than 253 characters",
            "target: {secret: {name: " + "a".repeat(254) + "}}",
            "spec.target.secret.name: must have at most 253 characters"),
        row(
            "an operator outside the enum",
            "target: {secret: {name: p}, namespaces: {labels: [{matchExpressions:"
                + " [{key: team, operator: Sometimes}]}]}}",
            "spec.target.namespaces.labels[0].matchExpressions[0].operator: must be one of"
                + " [In, NotIn, Exists, DoesNotExist]"),
        row(
            "In without values (CEL)",
            "target: {secret: {name: p}, namespaces: {labels: [{matchExpressions:"
                + " [{key: team, operator: In}]}]}}",
            "spec.target.namespaces.labels[0].matchExpressions[0].values: values must be non-empty"
                + " when operator is In or NotIn"),
        row(
            "Exists with values (CEL)",
            "target: {secret: {name: p}, namespacesWithPods: {annotations: [{matchExpressions:"
                + " [{key: team, operator: Exists, values: [a]}]}]}}",
            "spec.target.namespacesWithPods.annotations[0].matchExpressions[0].values: values must"
                + " be empty when operator is Exists or DoesNotExist"),
        row(
            "In with values passes the CEL rules",
            "target: {secret: {name: p}, namespaces: {labels: [{matchExpressions:"
                + " [{key: team, operator: In, values: [a]}]}]}}"),
        row(
            "an empty key",
            "target: {secret: {name: p}, namespaces: {labels: [{matchExpressions:"
                + " [{key: '', operator: Exists}]}]}}",
            "spec.target.namespaces.labels[0].matchExpressions[0].key: must have at least 1"
                + " characters"),
        row(
            "a length counted in code points, not UTF-16 units",
            "target: {secret: {name: p}, namespaces: {labels: [{matchExpressions:"
                + " [{key: team, operator: In, values: ['"
                + "\uD83D\uDE00".repeat(63)
                + "']}]}]}}"),
        row(
            "a value one code point too long",
            "target: {secret: {name: p}, namespaces: {labels: [{matchExpressions:"
                + " [{key: team, operator: In, values: ['"
                + "\uD83D\uDE00".repeat(64)
                + "']}]}]}}",
            "spec.target.namespaces.labels[0].matchExpressions[0].values[0]: must have at most 63"));
  }

  static Arguments row(String name, String target, String... violations) {
    return Arguments.of(name, SOURCE + target, List.of(violations));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void the_offline_check_finds_what_the_crd_forbids(
      String name, String spec, List<String> violations) {
    Map<?, ?> tree = new Yaml().load(spec);

    List<String> found =
        CrdSchemaCheck.violations(tree, "spec").stream().map(Object::toString).toList();

    assertThat(found).hasSameSizeAs(violations);
    for (int i = 0; i < violations.size(); i++) {
      assertThat(found.get(i)).startsWith(violations.get(i));
    }
  }

  @Test
  void every_cel_rule_of_the_crd_is_compiled() {
    assertThat(CrdCelRules.of(CrdSchemaCheck.specSchema()).size()).isEqualTo(8);
  }
}
