package dev.imps.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.selector.AnnotationSelector;
import dev.imps.selector.LabelSelector;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import dev.imps.selector.PodView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which objects a namespace event looks at, and which it concerns. */
class RuleIndexTest {

  private static final RuleIndex INDEX =
      RuleIndex.of(
          Map.of(
              "by-name",
              NamespaceRule.builder().names(List.of("web")).build(),
              "by-label",
              NamespaceRule.builder()
                  .namespaceLabels(List.of(LabelSelector.parse("team=a")))
                  .build(),
              "by-absent-label",
              NamespaceRule.builder()
                  .namespaceLabels(List.of(LabelSelector.parse("env notin (prod)")))
                  .build(),
              "by-annotation",
              NamespaceRule.builder()
                  .namespaceAnnotations(
                      List.of(AnnotationSelector.of(Map.of("imps/on", "yes"), List.of())))
                  .build(),
              "by-pods",
              NamespaceRule.builder().podLabels(List.of(LabelSelector.parse("app=web"))).build()));

  static Stream<Arguments> namespaces() {
    return Stream.of(
        Arguments.of(
            "a bare namespace is looked at only by selectors that need no key",
            view("plain", Map.of(), Map.of()),
            Set.of("by-absent-label")),
        Arguments.of(
            "a namespace's name reaches the objects that name it",
            view("web", Map.of(), Map.of()),
            Set.of("by-name", "by-absent-label")),
        Arguments.of(
            "a label key reaches the selectors filed under it, whatever its value",
            view("plain", Map.of("team", "b"), Map.of()),
            Set.of("by-label", "by-absent-label")),
        Arguments.of(
            "an annotation key reaches the annotation selectors filed under it",
            view("plain", Map.of(), Map.of("imps/on", "no")),
            Set.of("by-annotation", "by-absent-label")),
        Arguments.of(
            "pod clauses are never looked at for namespace events",
            view("plain", Map.of("app", "web"), Map.of()),
            Set.of("by-absent-label")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namespaces")
  void aNamespaceIsLookedAtOnlyByTheObjectsFiledUnderItsNameAndKeys(
      String description, NamespaceView namespace, Set<String> candidates) {
    assertThat(INDEX.candidates(namespace)).isEqualTo(candidates);
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of(
            "a label added flips the selector that wants it",
            view("x", Map.of(), Map.of()),
            view("x", Map.of("team", "a"), Map.of()),
            Set.of("by-label")),
        Arguments.of(
            "a label value changed away flips it back",
            view("x", Map.of("team", "a"), Map.of()),
            view("x", Map.of("team", "b"), Map.of()),
            Set.of("by-label")),
        Arguments.of(
            "a label that a negative selector rules out flips it",
            view("x", Map.of("env", "dev"), Map.of()),
            view("x", Map.of("env", "prod"), Map.of()),
            Set.of("by-absent-label")),
        Arguments.of(
            "an unrelated label flips nothing",
            view("x", Map.of(), Map.of()),
            view("x", Map.of("colour", "red"), Map.of()),
            Set.of()),
        Arguments.of(
            "an annotation flips the annotation selector",
            view("x", Map.of(), Map.of("imps/on", "yes")),
            view("x", Map.of(), Map.of()),
            Set.of("by-annotation")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aNamespaceChangeConcernsTheObjectsWhoseVerdictFlips(
      String description, NamespaceView before, NamespaceView after, Set<String> flipped) {
    assertThat(INDEX.flipped(before, after)).isEqualTo(flipped);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void theObjectsMatchingBeforeOrAfterIncludeEveryFlip(
      String description, NamespaceView before, NamespaceView after, Set<String> flipped) {
    assertThat(INDEX.matchingBeforeOrAfter(before, after)).containsAll(flipped);
  }

  private static final RuleIndex POD_RULES =
      RuleIndex.of(
          Map.of(
              "web-pods",
              NamespaceRule.builder().podLabels(List.of(LabelSelector.parse("app=web"))).build(),
              "team-a-or-web-pods",
              NamespaceRule.builder()
                  .namespaceLabels(List.of(LabelSelector.parse("team=a")))
                  .podLabels(List.of(LabelSelector.parse("app=web")))
                  .build(),
              "by-name",
              NamespaceRule.builder().names(List.of("x")).build()));

  static Stream<Arguments> podChanges() {
    NamespaceView plain = view("x", Map.of(), Map.of());
    PodView web = PodView.of("p", Map.of("app", "web"));
    PodView db = PodView.of("p", Map.of("app", "db"));
    return Stream.of(
        Arguments.of(
            "a matching pod created flips the pod clauses",
            plain,
            null,
            web,
            Set.of("web-pods", "team-a-or-web-pods")),
        Arguments.of(
            "a matching pod deleted flips them back",
            plain,
            web,
            null,
            Set.of("web-pods", "team-a-or-web-pods")),
        Arguments.of(
            "a label changed away flips them",
            plain,
            web,
            db,
            Set.of("web-pods", "team-a-or-web-pods")),
        Arguments.of(
            "a pod that matches before and after flips nothing",
            plain,
            web,
            PodView.of("p", Map.of("app", "web", "tier", "front")),
            Set.of()),
        Arguments.of("a pod that matches neither flips nothing", plain, null, db, Set.of()),
        Arguments.of(
            "a namespace its own clauses select is not flipped by its pods",
            view("x", Map.of("team", "a"), Map.of()),
            null,
            web,
            Set.of("web-pods")),
        Arguments.of(
            "a namespace not known is selected by no namespace clause",
            null,
            null,
            web,
            Set.of("web-pods", "team-a-or-web-pods")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("podChanges")
  void aPodChangeConcernsTheObjectsWhosePodClauseFlipsWhereTheNamespaceIsNotSelectedAnyway(
      String description,
      NamespaceView namespace,
      PodView before,
      PodView after,
      Set<String> flipped) {
    assertThat(POD_RULES.podClauseFlips(namespace, before, after).keySet()).isEqualTo(flipped);
  }

  private static NamespaceView view(
      String name, Map<String, String> labels, Map<String, String> annotations) {
    return new NamespaceView(name, labels, annotations);
  }
}
