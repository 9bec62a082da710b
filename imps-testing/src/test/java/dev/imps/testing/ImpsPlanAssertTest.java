package dev.imps.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every assertion of the kit, on small GitOps folders under {@code src/test/plans}: each passes
 * where the plan agrees and fails, with a message naming the object, namespace and clause or field,
 * where it does not.
 */
class ImpsPlanAssertTest {

  static final ImpsPlan CLEAN = plan("clean");
  static final ImpsPlan CONFLICTS = plan("conflicts");
  static final ImpsPlan INVALID_SPEC = plan("invalid-spec");
  static final ImpsPlan UNREADABLE = plan("unreadable");
  static final ImpsPlan CEL_RULE = plan("cel-rule");

  static ImpsPlan plan(String folder) {
    return ImpsPlan.of(Path.of("src/test/plans", folder));
  }

  static Stream<Arguments> passing() {
    return Stream.of(
        Arguments.of(
            "a namespace selected by its label, with that clause",
            CLEAN,
            onObject("teams", o -> o.selects("team-a"))),
        Arguments.of(
            "the clause of a label selection",
            CLEAN,
            onObject("teams", o -> o.selects("team-a").because("namespaces.labels[0]"))),
        Arguments.of(
            "a pod clause without its pod",
            CLEAN,
            onObject(
                "teams", o -> o.selects("team-b").because("namespacesWithPods.annotations[0]"))),
        Arguments.of(
            "a pod clause with its pod",
            CLEAN,
            onObject(
                "teams",
                o -> o.selects("team-b").because("namespacesWithPods.annotations[0] via pod web"))),
        Arguments.of(
            "a chain of selections and non-selections over two objects",
            CLEAN,
            onObject(
                "teams",
                o ->
                    o.selects("team-a")
                        .selects("team-b")
                        .doesNotSelect("kube-system")
                        .doesNotSelect("no-such-namespace")
                        .object("platform")
                        .selects("kube-system")
                        .because("names[0]")
                        .doesNotSelect("team-a"))),
        Arguments.of(
            "a valid folder without conflicts or missing sources",
            CLEAN,
            onPlan(a -> a.isValid().hasNoConflicts().hasNoMissingSources())),
        Arguments.of(
            "an object of a folder with conflicts is still valid",
            CONFLICTS,
            onPlan(a -> a.isValid().object("apps-pull").isValid())));
  }

  @ParameterizedTest(name = "passes for {0}")
  @MethodSource("passing")
  void an_assertion_that_holds_passes(String name, ImpsPlan plan, Consumer<ImpsPlan> assertion) {
    assertThatCode(() -> assertion.accept(plan)).doesNotThrowAnyException();
  }

  static Stream<Arguments> failing() {
    return Stream.of(
        Arguments.of(
            "a namespace the rule does not select",
            CLEAN,
            onObject("teams", o -> o.selects("kube-system")),
            new String[] {
              "expected ImagePullSecret teams to select namespace kube-system",
              "team-a (namespaces.labels[0])",
              "team-b (namespacesWithPods.annotations[0] via pod web)"
            }),
        Arguments.of(
            "a namespace selected by another clause",
            CLEAN,
            onObject("teams", o -> o.selects("team-a").because("namespaces.labels[1]")),
            new String[] {
              "expected namespace team-a to be selected because of namespaces.labels[1]",
              "selected by namespaces.labels[0]"
            }),
        Arguments.of(
            "a clause that is only a prefix of the one that selected",
            CLEAN,
            onObject("teams", o -> o.selects("team-b").because("namespacesWithPods.annotations")),
            new String[] {"selected by namespacesWithPods.annotations[0] via pod web"}),
        Arguments.of(
            "a selected namespace said not to be",
            CLEAN,
            onObject("platform", o -> o.doesNotSelect("kube-system")),
            new String[] {
              "expected ImagePullSecret platform not to select namespace kube-system, but names[0]"
                  + " selects it"
            }),
        Arguments.of(
            "an object the folder does not have",
            CLEAN,
            onPlan(a -> a.object("mesh")),
            new String[] {
              "the plan of src/test/plans/clean has no ImagePullSecret mesh", "[platform, teams]"
            }),
        Arguments.of(
            "conflicts of the whole plan",
            CONFLICTS,
            onPlan(a -> a.hasNoConflicts()),
            new String[] {"has conflicts", "apps-pull: apps/pull: ", "not managed by imps"}),
        Arguments.of(
            "conflicts of one object",
            CONFLICTS,
            onObject("apps-pull", o -> o.hasNoConflicts()),
            new String[] {
              "expected ImagePullSecret apps-pull to have no conflicts", "apps-pull: apps/pull: "
            }),
        Arguments.of(
            "a missing source",
            CONFLICTS,
            onPlan(a -> a.hasNoMissingSources()),
            new String[] {
              "has missing source secrets",
              "apps-pull: source secret registry-access/absent does not exist"
            }),
        Arguments.of(
            "an invalid spec",
            INVALID_SPEC,
            onPlan(a -> a.isValid()),
            new String[] {
              "has invalid ImagePullSecrets",
              "imps.yaml document 1: ImagePullSecret sometimes: the API server would reject it: ",
              "spec.target.namespaces.labels[0].matchExpressions[0].operator: must be one of"
            }),
        Arguments.of(
            "a spec against a CEL rule of the CRD",
            CEL_RULE,
            onPlan(a -> a.isValid()),
            new String[] {
              "ImagePullSecret in-nothing: the API server would reject it: ",
              "spec.target.namespaces.labels[0].matchExpressions[0].values: values must be"
                  + " non-empty when operator is In or NotIn"
            }),
        Arguments.of(
            "an invalid spec, asked of the object",
            INVALID_SPEC,
            onObject("sometimes", o -> o.selects("apps")),
            new String[] {
              "ImagePullSecret sometimes is invalid: ", "matchExpressions[0].operator"
            }),
        Arguments.of(
            "input that is not YAML",
            UNREADABLE,
            onPlan(a -> a.isValid()),
            new String[] {
              "the plan of src/test/plans/unreadable cannot be read",
              "broken.yaml",
              "line 4, column 1"
            }),
        Arguments.of(
            "an object of input that is not YAML",
            UNREADABLE,
            onPlan(a -> a.object("any")),
            new String[] {"cannot be read", "not valid YAML"}));
  }

  @ParameterizedTest(name = "fails for {0}")
  @MethodSource("failing")
  void an_assertion_that_does_not_hold_fails_saying_why(
      String name, ImpsPlan plan, Consumer<ImpsPlan> assertion, String[] message) {
    assertThatThrownBy(() -> assertion.accept(plan))
        .isInstanceOf(AssertionError.class)
        .hasMessageContainingAll(message)
        .hasMessageNotContaining("not-a-password");
  }

  @Test
  void the_plan_keeps_the_input_error_and_its_report_refuses_to_be_read() {
    assertThat(UNREADABLE.inputError())
        .hasValueSatisfying(e -> assertThat(e).contains("line 4, column 1"));
    assertThatThrownBy(UNREADABLE::report)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken.yaml");
    assertThat(CLEAN.inputError()).isEmpty();
    assertThat(CLEAN.report().plans()).hasSize(2);
  }

  @Test
  void a_plan_needs_a_path() {
    assertThatThrownBy(ImpsPlan::of)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a plan needs at least one file or folder");
  }

  /** An assertion on the whole plan. */
  static Consumer<ImpsPlan> onPlan(Consumer<ImpsPlanAssert> assertion) {
    return p -> assertion.accept(ImpsAssertions.assertThat(p));
  }

  /** An assertion on the ImagePullSecret of the plan with the given name. */
  static Consumer<ImpsPlan> onObject(String name, Consumer<ImagePullSecretAssert> assertion) {
    return p -> assertion.accept(ImpsAssertions.assertThat(p).object(name));
  }
}
