package dev.imps.api.mapping;

import static dev.imps.api.mapping.Specs.example;
import static dev.imps.api.mapping.Specs.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import dev.imps.selector.AnnotationSelector;
import dev.imps.selector.Decision;
import dev.imps.selector.LabelSelector;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import dev.imps.selector.Operator;
import dev.imps.selector.PodView;
import dev.imps.selector.Requirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamespaceRuleMapperTest {

  private static final String SECRET = "secret: {name: istio-pull-secret}\n";

  static Stream<Arguments> validTargets() {
    LabelSelector revExists =
        LabelSelector.of(null, List.of(Requirement.of("istio.io/rev", Operator.EXISTS)));
    AnnotationSelector injectTrue =
        AnnotationSelector.of(Map.of("sidecar.istio.io/inject", "true"), null);
    return Stream.of(
        Arguments.of(
            "the sidecar annotation example",
            example("sidecar-annotation.yaml").getSpec(),
            NamespaceRule.of(null, null, List.of(injectTrue), null, List.of(injectTrue))),
        Arguments.of(
            "the names example",
            example("names.yaml").getSpec(),
            NamespaceRule.of(
                List.of(
                    "backyards-registry-access",
                    "backyards-system",
                    "backyards-canary",
                    "cert-manager",
                    "istio-system"),
                null,
                null,
                null,
                null)),
        Arguments.of(
            "the combined example",
            example("combined.yaml").getSpec(),
            NamespaceRule.of(
                List.of(
                    "backyards-registry-access",
                    "backyards-system",
                    "backyards-canary",
                    "cert-manager",
                    "istio-system"),
                List.of(revExists),
                List.of(
                    injectTrue,
                    AnnotationSelector.of(
                        Map.of("backyards.banzaicloud.io/image-registry-access", "true"), null)),
                List.of(revExists),
                List.of(injectTrue))),
        Arguments.of("a target with only a secret", target(SECRET), NamespaceRule.none()),
        Arguments.of(
            "a target with empty selector lists",
            target(SECRET + "namespaces: {names: [], labels: [], annotations: []}"),
            NamespaceRule.none()),
        Arguments.of(
            "an empty label selector, which matches every namespace as in IMPS",
            target(SECRET + "namespaces: {labels: [{}]}"),
            NamespaceRule.of(null, List.of(LabelSelector.everything()), null, null, null)),
        Arguments.of(
            "matchLabels and matchExpressions in one selector (AND)",
            target(
                SECRET
                    + """
                    namespacesWithPods:
                      labels:
                        - matchLabels: {app: web}
                          matchExpressions:
                            - {key: tier, operator: NotIn, values: [canary, beta]}
                    """),
            NamespaceRule.of(
                null,
                null,
                null,
                List.of(LabelSelector.parse("app=web,tier notin (canary,beta)")),
                null)),
        Arguments.of(
            "an annotation selector with a free-text value",
            target(
                SECRET
                    + """
                    namespaces:
                      annotations:
                        - matchExpressions:
                            - {key: example.com/owner, operator: In, values: ["Team A <a@example.com>"]}
                    """),
            NamespaceRule.of(
                null,
                null,
                List.of(
                    AnnotationSelector.of(
                        null,
                        List.of(
                            Requirement.of(
                                "example.com/owner", Operator.IN, "Team A <a@example.com>")))),
                null,
                null)));
  }

  @ParameterizedTest(name = "{0} maps to the rule it means")
  @MethodSource("validTargets")
  void validTargetsMapToTheRuleTheyMean(
      String description, ImagePullSecretSpec spec, NamespaceRule expected) throws Exception {
    assertThat(NamespaceRuleMapper.toRule(spec)).isEqualTo(expected);
  }

  static Stream<Arguments> namespacesOfTheCombinedExample() {
    Map<String, String> none = Map.of();
    return Stream.of(
        Arguments.of(
            "a namespace named in names",
            new NamespaceView("cert-manager", none, none),
            List.of(),
            true),
        Arguments.of(
            "a namespace annotated sidecar.istio.io/inject=true",
            new NamespaceView("shop", none, Map.of("sidecar.istio.io/inject", "true")),
            List.of(),
            true),
        Arguments.of(
            "a namespace annotated sidecar.istio.io/inject=false",
            new NamespaceView("shop", none, Map.of("sidecar.istio.io/inject", "false")),
            List.of(),
            false),
        Arguments.of(
            "a namespace labelled istio.io/rev, whatever the value",
            new NamespaceView("shop", Map.of("istio.io/rev", "1-20"), none),
            List.of(),
            true),
        Arguments.of(
            "a namespace with a pod labelled istio.io/rev",
            new NamespaceView("shop", none, none),
            List.of(PodView.of("web-1", Map.of("istio.io/rev", "canary"))),
            true),
        Arguments.of(
            "a namespace with a pod annotated sidecar.istio.io/inject=true",
            new NamespaceView("shop", none, none),
            List.of(new PodView("web-1", none, Map.of("sidecar.istio.io/inject", "true"))),
            true),
        Arguments.of(
            "a namespace with an unrelated pod",
            new NamespaceView("shop", Map.of("team", "a"), none),
            List.of(PodView.of("web-1", Map.of("app", "web"))),
            false));
  }

  @ParameterizedTest(name = "the combined example selects {0}: {3}")
  @MethodSource("namespacesOfTheCombinedExample")
  void theCombinedExampleSelectsWhatTheImpsDocumentationSays(
      String description, NamespaceView namespace, List<PodView> pods, boolean selected)
      throws Exception {
    NamespaceRule rule = NamespaceRuleMapper.toRule(example("combined.yaml"));

    Decision decision = rule.evaluate(namespace, pods);

    assertThat(decision.matched()).as(decision.explanation()).isEqualTo(selected);
  }

  static Stream<Arguments> invalidTargets() {
    return Stream.of(
        Arguments.of(
            "an unknown operator in the second namespace label selector",
            """
            namespaces:
              labels:
                - matchLabels: {app: web}
                - matchExpressions: [{key: env, operator: Foo, values: [prod]}]
            """,
            List.of(
                "spec.target.namespaces.labels[1].matchExpressions[0].operator: unknown operator"
                    + " \"Foo\" (expected In, NotIn, Exists or DoesNotExist)")),
        Arguments.of(
            "an operator in the wrong case",
            "namespacesWithPods: {labels: [{matchExpressions: [{key: app, operator: exists}]}]}",
            List.of(
                "spec.target.namespacesWithPods.labels[0].matchExpressions[0].operator: unknown"
                    + " operator \"exists\" (expected In, NotIn, Exists or DoesNotExist)")),
        Arguments.of(
            "In without values",
            "namespaces: {labels: [{matchExpressions: [{key: env, operator: In}]}]}",
            List.of(
                "spec.target.namespaces.labels[0].matchExpressions[0].values: must not be empty"
                    + " when operator is In")),
        Arguments.of(
            "NotIn with an empty value list on pod annotations",
            "namespacesWithPods: {annotations: [{matchExpressions: [{key: a, operator: NotIn,"
                + " values: []}]}]}",
            List.of(
                "spec.target.namespacesWithPods.annotations[0].matchExpressions[0].values: must"
                    + " not be empty when operator is NotIn")),
        Arguments.of(
            "Exists with values",
            "namespaces: {annotations: [{matchExpressions: [{key: a, operator: Exists, values:"
                + " [x]}]}]}",
            List.of(
                "spec.target.namespaces.annotations[0].matchExpressions[0].values: must be empty"
                    + " when operator is Exists")),
        Arguments.of(
            "a requirement with empty key and operator",
            "namespaces: {labels: [{matchExpressions: [{key: \"\", operator: \"\", values: [x]}]}]}",
            List.of(
                "spec.target.namespaces.labels[0].matchExpressions[0].key: required",
                "spec.target.namespaces.labels[0].matchExpressions[0].operator: required")),
        Arguments.of(
            "a namespace name that is not a DNS-1123 label",
            "namespaces: {names: [default, Not_A_Namespace]}",
            List.of(
                "spec.target.namespaces.names[1]: \"Not_A_Namespace\" is not a DNS-1123 label"
                    + " (lower case letters, digits and '-', starting and ending with a letter or"
                    + " digit)")),
        Arguments.of(
            "a null selector",
            "namespaces: {labels: [null]}",
            List.of("spec.target.namespaces.labels[0]: must not be null")),
        Arguments.of(
            "three problems in three places, all reported",
            """
            namespaces:
              names: [a.b]
              annotations:
                - matchExpressions: [{key: k, operator: Gt, values: ["1"]}]
            namespacesWithPods:
              labels:
                - matchExpressions: [{key: k, operator: DoesNotExist, values: [x]}]
            """,
            List.of(
                "spec.target.namespaces.names[0]: \"a.b\" is not a DNS-1123 label (lower case"
                    + " letters, digits and '-', starting and ending with a letter or digit)",
                "spec.target.namespaces.annotations[0].matchExpressions[0].operator: unknown"
                    + " operator \"Gt\" (expected In, NotIn, Exists or DoesNotExist)",
                "spec.target.namespacesWithPods.labels[0].matchExpressions[0].values: must be"
                    + " empty when operator is DoesNotExist")));
  }

  @ParameterizedTest(name = "{0} is reported as {2}")
  @MethodSource("invalidTargets")
  void invalidTargetsReportEveryProblemWithItsFieldPath(
      String description, String target, List<String> expected) {
    ImagePullSecretSpec spec = target(SECRET + target);

    assertThatThrownBy(() -> NamespaceRuleMapper.toRule(spec))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.errors())
                    .extracting(SpecError::toString)
                    .containsExactlyElementsOf(expected));
  }

  static Stream<Arguments> syntaxErrorsFoundByTheSelector() {
    return Stream.of(
        Arguments.of(
            "a key that is not a qualified name",
            "namespaces: {labels: [{matchExpressions: [{key: \"bad key\", operator: Exists}]}]}",
            "spec.target.namespaces.labels[0].matchExpressions[0].key",
            "bad key"),
        Arguments.of(
            "a label selector value that is not a label value",
            "namespaces: {labels: [{matchExpressions: [{key: env, operator: In, values: [prod,"
                + " \"not a label value\"]}]}]}",
            "spec.target.namespaces.labels[0].matchExpressions[0].values[1]",
            "not a label value"),
        Arguments.of(
            "a matchLabels value that is not a label value",
            "namespacesWithPods: {labels: [{matchLabels: {app: \"web server\"}}]}",
            "spec.target.namespacesWithPods.labels[0].matchLabels[app]",
            "web server"),
        Arguments.of(
            "a matchLabels key that is not a qualified name",
            "namespaces: {labels: [{matchLabels: {\"-app\": web}}]}",
            "spec.target.namespaces.labels[0].matchLabels[-app]",
            "-app"),
        Arguments.of(
            "a matchAnnotations key that is not a qualified name",
            "namespaces: {annotations: [{matchAnnotations: {\"a b\": \"free text is fine\"}}]}",
            "spec.target.namespaces.annotations[0].matchAnnotations[a b]",
            "a b"));
  }

  @ParameterizedTest(name = "{0} is reported at {2}, quoting {3}")
  @MethodSource("syntaxErrorsFoundByTheSelector")
  void syntaxErrorsFoundByTheSelectorAreReportedAtTheirField(
      String description, String target, String field, String quoted) {
    ImagePullSecretSpec spec = target(SECRET + target);

    assertThatThrownBy(() -> NamespaceRuleMapper.toRule(spec))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.field()).isEqualTo(field);
                          assertThat(error.message()).contains("\"" + quoted + "\"");
                        }));
  }

  @Test
  void aSpecWithoutTargetIsReported() {
    ImagePullSecretSpec spec = Specs.spec(Specs.REGISTRY);

    assertThatThrownBy(() -> NamespaceRuleMapper.toRule(spec))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("ImagePullSecret spec: spec.target: required");
  }

  @Test
  void theExceptionMessageNamesTheObjectAndEveryProblem() {
    ImagePullSecret imps = example("combined.yaml");
    imps.getSpec().getTarget().getNamespaces().getNames().set(0, "Bad");
    imps.getSpec()
        .getTarget()
        .getNamespaces()
        .getLabels()
        .get(0)
        .getMatchExpressions()
        .get(0)
        .setOperator("Foo");

    assertThatThrownBy(() -> NamespaceRuleMapper.toRule(imps))
        .isInstanceOfSatisfying(
            InvalidSpecException.class, e -> assertThat(e.objectName()).isEqualTo("imps"))
        .hasMessage(
            "ImagePullSecret imps: 2 problems: spec.target.namespaces.names[0]: \"Bad\" is not a"
                + " DNS-1123 label (lower case letters, digits and '-', starting and ending with a"
                + " letter or digit); spec.target.namespaces.labels[0].matchExpressions[0].operator:"
                + " unknown operator \"Foo\" (expected In, NotIn, Exists or DoesNotExist)");
  }
}
