package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.cr;
import static dev.imps.controller.reconcile.Fixtures.namespaces;
import static dev.imps.controller.reconcile.Fixtures.namespacesLabelled;
import static dev.imps.controller.reconcile.Fixtures.podsLabelled;
import static dev.imps.controller.reconcile.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.model.TargetConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamespaceSelectionTest {

  /** Namespaces: a (team=a, pod web), b (team=b, pod db), c (no labels, no pods), d terminating. */
  private static FakeCluster cluster() {
    return new FakeCluster()
        .withNamespace("a", Map.of("team", "a"))
        .withNamespace("b", Map.of("team", "b"))
        .withNamespace("c")
        .terminatingNamespace("d")
        .pod("a", "web-1", Map.of("app", "web"))
        .pod("b", "db-1", Map.of("app", "db"));
  }

  static Stream<Arguments> theRuleSelectsNamespacesAndSaysWhy() {
    return Stream.of(
        Arguments.of(
            "names select by name",
            target("s").namespaces(namespaces("b", "c")),
            List.of("b: matched by names[0]", "c: matched by names[1]")),
        Arguments.of(
            "a label selector selects by namespace label",
            target("s").namespaces(namespacesLabelled(Map.of("team", "a"))),
            List.of("a: matched by namespaces.labels[0]")),
        Arguments.of(
            "a pod selector selects the namespace of a matching pod",
            target("s").namespacesWithPods(podsLabelled(Map.of("app", "db"))),
            List.of("b: matched by namespacesWithPods.labels[0] via pod db-1")),
        Arguments.of(
            "the clauses are alternatives",
            target("s")
                .namespaces(namespaces("c"))
                .namespacesWithPods(podsLabelled(Map.of("app", "web"))),
            List.of(
                "a: matched by namespacesWithPods.labels[0] via pod web-1",
                "c: matched by names[0]")),
        Arguments.of(
            "a terminating namespace is matched but not selected",
            target("s").namespaces(namespaces("d")),
            List.of()),
        Arguments.of("an empty target selects nothing", target("s"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void theRuleSelectsNamespacesAndSaysWhy(
      String description, TargetConfig target, List<String> expected) throws Exception {
    FakeCluster cluster = cluster();
    ResolvedSpec spec = ResolvedSpec.from(cr("x", "u", T0, target));

    NamespaceSelection selection = NamespaceSelection.evaluate(spec.rule(), cluster);

    assertThat(
            selection.decisions().stream()
                .filter(NamespaceDecision::selected)
                .map(d -> d.namespace() + ": " + d.explanation()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aTerminatingNamespaceExplainsWhyItIsSkipped() throws Exception {
    ResolvedSpec spec =
        ResolvedSpec.from(cr("x", "u", T0, target("s").namespaces(namespaces("d"))));

    NamespaceSelection selection = NamespaceSelection.evaluate(spec.rule(), cluster());

    assertThat(selection.decision("d").orElseThrow().explanation())
        .isEqualTo("matched by names[0] (skipped: namespace is terminating)");
    assertThat(selection.isTerminating("d")).isTrue();
  }

  @Test
  void podsAreNotReadWhenTheRuleHasNoPodClauses() throws Exception {
    FakeCluster cluster = cluster();
    ResolvedSpec spec =
        ResolvedSpec.from(cr("x", "u", T0, target("s").namespaces(namespaces("a"))));

    NamespaceSelection.evaluate(spec.rule(), cluster);

    assertThat(cluster.podReads()).isZero();
  }

  @Test
  void podsAreReadOnlyWhereNoNamespaceClauseMatches() throws Exception {
    FakeCluster cluster = cluster();
    ResolvedSpec spec =
        ResolvedSpec.from(
            cr(
                "x",
                "u",
                T0,
                target("s")
                    .namespaces(namespaces("a", "b", "c"))
                    .namespacesWithPods(podsLabelled(Map.of("app", "web")))));

    NamespaceSelection.evaluate(spec.rule(), cluster);

    assertThat(cluster.podReads()).isEqualTo(1);
  }
}
