package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The IMPS rule: OR across names, namespace selectors and pod selectors, with explanations. */
class NamespaceRuleTest {

  private static final String INJECT = "sidecar.istio.io/inject";
  private static final String REGISTRY_ACCESS = "backyards.banzaicloud.io/image-registry-access";
  private static final String REV = "istio.io/rev";

  /** README "Motivation": namespaces or pods annotated sidecar.istio.io/inject=true. */
  private static final NamespaceRule ISTIO_INJECT =
      NamespaceRule.builder()
          .namespaceAnnotations(List.of(AnnotationSelector.of(Map.of(INJECT, "true"), null)))
          .podAnnotations(List.of(AnnotationSelector.of(Map.of(INJECT, "true"), null)))
          .build();

  /** README "selected namespaces": a names list only. */
  private static final NamespaceRule NAMED =
      NamespaceRule.builder()
          .names(
              List.of(
                  "backyards-registry-access",
                  "backyards-system",
                  "backyards-canary",
                  "cert-manager",
                  "istio-system"))
          .build();

  /** README "Rule evaluation logic": everything at once, any condition suffices. */
  private static final NamespaceRule COMBINED =
      NamespaceRule.of(
          List.of(
              "backyards-registry-access",
              "backyards-system",
              "backyards-canary",
              "cert-manager",
              "istio-system"),
          List.of(LabelSelector.of(null, List.of(Requirement.of(REV, Operator.EXISTS)))),
          List.of(
              AnnotationSelector.of(Map.of(INJECT, "true"), null),
              AnnotationSelector.of(Map.of(REGISTRY_ACCESS, "true"), null)),
          List.of(LabelSelector.of(null, List.of(Requirement.of(REV, Operator.EXISTS)))),
          List.of(AnnotationSelector.of(Map.of(INJECT, "true"), null)));

  private static NamespaceView namespace(String name) {
    return new NamespaceView(name, Map.of(), Map.of());
  }

  private static NamespaceView labelled(String name, Map<String, String> labels) {
    return new NamespaceView(name, labels, Map.of());
  }

  private static NamespaceView annotated(String name, Map<String, String> annotations) {
    return new NamespaceView(name, Map.of(), annotations);
  }

  private static PodView pod(String name, Map<String, String> labels) {
    return new PodView(name, labels, Map.of());
  }

  private static PodView annotatedPod(String name, Map<String, String> annotations) {
    return new PodView(name, Map.of(), annotations);
  }

  static Stream<Arguments> readmeExamples() {
    return Stream.of(
        arguments(
            "an inject-annotated namespace gets the secret",
            ISTIO_INJECT,
            annotated("shop", Map.of(INJECT, "true")),
            List.of(),
            "namespaces.annotations[0]"),
        arguments(
            "a namespace with an inject-annotated pod gets the secret",
            ISTIO_INJECT,
            namespace("shop"),
            List.of(annotatedPod("web-0", Map.of()), annotatedPod("web-1", Map.of(INJECT, "true"))),
            "namespacesWithPods.annotations[0] via pod web-1"),
        arguments(
            "inject=false on the namespace is not enough",
            ISTIO_INJECT,
            annotated("shop", Map.of(INJECT, "false")),
            List.of(annotatedPod("web-0", Map.of(INJECT, "false"))),
            ""),
        arguments(
            "a label is not an annotation",
            ISTIO_INJECT,
            labelled("shop", Map.of(INJECT, "true")),
            List.of(pod("web-0", Map.of(INJECT, "true"))),
            ""),
        arguments(
            "a listed namespace gets the secret",
            NAMED,
            namespace("cert-manager"),
            List.of(),
            "names[3]"),
        arguments("an unlisted namespace does not", NAMED, namespace("default"), List.of(), ""),
        arguments(
            "names are exact and case-sensitive", NAMED, namespace("Cert-Manager"), List.of(), ""),
        arguments(
            "combined: the second annotation alternative",
            COMBINED,
            annotated("team-a", Map.of(REGISTRY_ACCESS, "true")),
            List.of(),
            "namespaces.annotations[1]"),
        arguments(
            "combined: istio.io/rev with any value, even empty",
            COMBINED,
            labelled("team-b", Map.of(REV, "")),
            List.of(),
            "namespaces.labels[0]"),
        arguments(
            "combined: a pod labelled istio.io/rev",
            COMBINED,
            namespace("team-c"),
            List.of(pod("api-7", Map.of(REV, "canary"))),
            "namespacesWithPods.labels[0] via pod api-7"),
        arguments(
            "combined: a name wins over matching labels",
            COMBINED,
            labelled("istio-system", Map.of(REV, "1-20")),
            List.of(),
            "names[4]"),
        arguments(
            "combined: nothing applies",
            COMBINED,
            labelled("team-d", Map.of("istio.io/other", "x")),
            List.of(pod("api-1", Map.of("app", "api"))),
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readmeExamples")
  void the_imps_documentation_examples_select_as_documented(
      String description,
      NamespaceRule rule,
      NamespaceView namespace,
      List<PodView> pods,
      String expectedClause) {
    Decision decision = rule.evaluate(namespace, pods);

    assertThat(decision.matched()).isEqualTo(!expectedClause.isEmpty());
    assertThat(decision.clause()).isEqualTo(expectedClause);
  }

  @Test
  void the_first_matching_clause_is_reported_in_the_fixed_order() {
    NamespaceRule rule =
        NamespaceRule.of(
            List.of("ns"),
            List.of(LabelSelector.parse("a")),
            List.of(AnnotationSelector.of(Map.of("b", "1"), null)),
            List.of(LabelSelector.parse("c")),
            List.of(AnnotationSelector.of(Map.of("d", "1"), null)));
    PodView labelledPod = pod("p1", Map.of("c", ""));
    PodView annotatedPod = annotatedPod("p2", Map.of("d", "1"));
    List<PodView> pods = List.of(annotatedPod, labelledPod);
    NamespaceView everything = new NamespaceView("ns", Map.of("a", ""), Map.of("b", "1"));

    assertThat(rule.evaluate(everything, pods).clause()).isEqualTo("names[0]");
    assertThat(rule.evaluate(new NamespaceView("x", Map.of("a", ""), Map.of("b", "1")), pods))
        .isEqualTo(Decision.matched("namespaces.labels[0]"));
    assertThat(rule.evaluate(annotated("x", Map.of("b", "1")), pods))
        .isEqualTo(Decision.matched("namespaces.annotations[0]"));
    assertThat(rule.evaluate(namespace("x"), pods))
        .isEqualTo(Decision.matched("namespacesWithPods.labels[0] via pod p1"));
    assertThat(rule.evaluate(namespace("x"), List.of(annotatedPod)))
        .isEqualTo(Decision.matched("namespacesWithPods.annotations[0] via pod p2"));
    assertThat(rule.evaluate(namespace("x"), List.of())).isEqualTo(Decision.notMatched());
  }

  static Stream<Arguments> alternativesWithinOneList() {
    return Stream.of(
        arguments(Map.of("env", "prod"), "namespaces.labels[0]"),
        arguments(Map.of("env", "stage"), "namespaces.labels[1]"),
        arguments(Map.of("env", "prod", "team", "x"), "namespaces.labels[0]"),
        arguments(Map.of("team", "x", "tier", "db"), "namespaces.labels[2]"),
        arguments(Map.of("team", "x"), ""),
        arguments(Map.of("env", "dev"), ""));
  }

  @ParameterizedTest(name = "labels {0} match {1}")
  @MethodSource("alternativesWithinOneList")
  void entries_of_a_list_are_alternatives_and_the_lowest_index_is_reported(
      Map<String, String> labels, String expectedClause) {
    NamespaceRule rule =
        NamespaceRule.builder()
            .namespaceLabels(
                List.of(
                    LabelSelector.parse("env=prod"),
                    LabelSelector.parse("env in (stage,prod)"),
                    LabelSelector.parse("team,tier=db")))
            .build();

    assertThat(rule.evaluate(labelled("ns", labels), List.of()).clause()).isEqualTo(expectedClause);
  }

  static Stream<Arguments> rulesWithOneEmptySelector() {
    return Stream.of(
        arguments(
            NamespaceRule.builder().namespaceLabels(List.of(LabelSelector.of(null, null))).build(),
            "namespaces.labels[0]"),
        arguments(
            NamespaceRule.builder()
                .namespaceAnnotations(List.of(AnnotationSelector.of(Map.of(), List.of())))
                .build(),
            "namespaces.annotations[0]"));
  }

  @ParameterizedTest(name = "{1} holding one empty selector selects every namespace")
  @MethodSource("rulesWithOneEmptySelector")
  void a_list_holding_one_empty_selector_matches_every_namespace(
      NamespaceRule rule, String clause) {
    assertThat(rule.evaluate(namespace("anything"), null)).isEqualTo(Decision.matched(clause));
    assertThat(rule.evaluateNamespaceOnly(labelled("other", Map.of("x", "y"))).clause())
        .isEqualTo(clause);
  }

  @Test
  void one_empty_pod_selector_matches_every_namespace_that_has_a_pod() {
    NamespaceRule rule =
        NamespaceRule.builder().podLabels(List.of(LabelSelector.everything())).build();

    assertThat(rule.evaluate(namespace("busy"), List.of(pod("p", Map.of()))).clause())
        .isEqualTo("namespacesWithPods.labels[0] via pod p");
    assertThat(rule.evaluate(namespace("empty"), List.of()).matched()).isFalse();
  }

  @Test
  void missing_lists_contribute_nothing() {
    NamespaceRule rule = NamespaceRule.of(null, null, null, null, null);

    assertThat(rule).isEqualTo(NamespaceRule.none());
    assertThat(rule.hasNamespaceClauses()).isFalse();
    assertThat(rule.hasPodClauses()).isFalse();
    assertThat(rule.evaluate(labelled("ns", Map.of("a", "b")), List.of(pod("p", Map.of("a", "b")))))
        .isEqualTo(Decision.notMatched());
  }

  @Test
  void a_nothing_selector_never_matches() {
    NamespaceRule rule =
        NamespaceRule.builder()
            .namespaceLabels(List.of(LabelSelector.nothing()))
            .podAnnotations(List.of(AnnotationSelector.nothing()))
            .build();

    assertThat(rule.evaluate(namespace("ns"), List.of(pod("p", Map.of()))))
        .isEqualTo(Decision.notMatched());
  }

  @Test
  void pods_are_not_looked_at_when_the_namespace_matches_by_itself() {
    NamespaceRule rule =
        NamespaceRule.builder()
            .names(List.of("ns"))
            .podLabels(List.of(LabelSelector.everything()))
            .build();

    assertThat(rule.evaluate(namespace("ns"), FailingPods.INSTANCE).clause()).isEqualTo("names[0]");
  }

  @Test
  void pods_are_not_looked_at_when_there_are_no_pod_clauses() {
    NamespaceRule rule = NamespaceRule.builder().names(List.of("other")).build();

    assertThat(rule.evaluate(namespace("ns"), FailingPods.INSTANCE))
        .isEqualTo(Decision.notMatched());
  }

  @Test
  void namespace_only_evaluation_ignores_pod_clauses() {
    NamespaceRule rule =
        NamespaceRule.builder()
            .namespaceLabels(List.of(LabelSelector.parse("env=prod")))
            .podLabels(List.of(LabelSelector.everything()))
            .build();

    assertThat(rule.evaluateNamespaceOnly(labelled("a", Map.of("env", "prod"))).clause())
        .isEqualTo("namespaces.labels[0]");
    assertThat(rule.evaluateNamespaceOnly(namespace("b"))).isEqualTo(Decision.notMatched());
    assertThat(rule.hasPodClauses()).isTrue();
    assertThat(rule.hasNamespaceClauses()).isTrue();
  }

  static Stream<Arguments> singlePods() {
    return Stream.of(
        arguments(pod("web-1", Map.of("app", "web")), "namespacesWithPods.labels[1]"),
        arguments(pod("db-0", Map.of("app", "db", "tier", "x")), "namespacesWithPods.labels[0]"),
        arguments(
            annotatedPod("job-3", Map.of(INJECT, "true")), "namespacesWithPods.annotations[0]"),
        arguments(pod("cache-0", Map.of("app", "cache")), ""));
  }

  @ParameterizedTest(name = "pod {0} matches {1}")
  @MethodSource("singlePods")
  void a_single_pod_can_be_checked_against_the_pod_clauses(PodView pod, String clause) {
    NamespaceRule rule =
        NamespaceRule.builder()
            .names(List.of(pod.name()))
            .podLabels(List.of(LabelSelector.parse("tier"), LabelSelector.parse("app=web")))
            .podAnnotations(List.of(AnnotationSelector.of(Map.of(INJECT, "true"), null)))
            .build();

    assertThat(rule.matchingPodClause(pod).orElse("")).isEqualTo(clause);
    Decision decision = rule.evaluatePod(pod);
    assertThat(decision.matched()).isEqualTo(!clause.isEmpty());
    assertThat(decision.clause())
        .isEqualTo(clause.isEmpty() ? "" : clause + " via pod " + pod.name());
  }

  @Test
  void duplicate_names_report_the_first_index() {
    NamespaceRule rule = NamespaceRule.builder().names(List.of("a", "b", "a")).build();

    assertThat(rule.evaluate(namespace("a"), null).clause()).isEqualTo("names[0]");
    assertThat(rule.evaluate(namespace("b"), null).clause()).isEqualTo("names[1]");
  }

  @Test
  void the_rule_keeps_its_own_copy_of_the_lists() {
    List<String> names = new ArrayList<>(List.of("a"));
    NamespaceRule rule = NamespaceRule.builder().names(names).build();
    names.add("b");

    assertThat(rule.names()).containsExactly("a");
    assertThat(rule.evaluate(namespace("b"), null).matched()).isFalse();
    assertThatThrownBy(() -> rule.names().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void a_null_list_entry_is_named() {
    List<LabelSelector> selectors = new ArrayList<>();
    selectors.add(LabelSelector.everything());
    selectors.add(null);

    assertThatThrownBy(() -> NamespaceRule.builder().podLabels(selectors))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("namespacesWithPods.labels[1] is null");
  }

  @Test
  void views_copy_their_maps_and_treat_null_as_empty() {
    Map<String, String> labels = new java.util.HashMap<>(Map.of("a", "b"));
    NamespaceView view = new NamespaceView("ns", labels, null);
    labels.put("c", "d");

    assertThat(view.labels()).containsExactly(Map.entry("a", "b"));
    assertThat(view.annotations()).isEmpty();
    assertThat(PodView.of("p", null).labels()).isEmpty();
    assertThat(NamespaceView.of("n", Map.of("x", "y")).annotations()).isEmpty();
  }

  /** Pods that must not be iterated. */
  private enum FailingPods implements Iterable<PodView> {
    INSTANCE;

    @Override
    public Iterator<PodView> iterator() {
      throw new AssertionError("pods were iterated");
    }
  }
}
