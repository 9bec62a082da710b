package dev.imps.controller.reconcile;

import dev.imps.selector.AnnotationSelector;
import dev.imps.selector.LabelSelector;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import dev.imps.selector.PodView;
import dev.imps.selector.Requirement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code ImagePullSecret}s' namespace rules, indexed by what their namespace clauses mention:
 * the names of {@code names}, and for each label or annotation selector one key that a namespace
 * must carry for the selector to match (a requirement {@code In}, {@code =}, {@code Exists}, {@code
 * Gt} or {@code Lt}). A namespace event then looks only at the rules filed under the namespace's
 * name and keys, plus the few whose selectors can match without any key ({@code NotIn}, {@code !=},
 * {@code DoesNotExist} only, or the empty selector). Rules that cannot care about a namespace are
 * never evaluated for it.
 *
 * <p>Immutable and thread-safe; rebuilt when a rule changes.
 */
public final class RuleIndex {

  private final Map<String, NamespaceRule> rules;
  private final Map<String, Set<String>> byName = new HashMap<>();
  private final Map<String, Set<String>> byLabelKey = new HashMap<>();
  private final Map<String, Set<String>> byAnnotationKey = new HashMap<>();
  private final Set<String> anyNamespace = new HashSet<>();
  private final Set<String> withPodClauses = new HashSet<>();

  private RuleIndex(Map<String, NamespaceRule> rules) {
    this.rules = Map.copyOf(rules);
    this.rules.forEach(this::file);
  }

  /**
   * Indexes rules.
   *
   * @param rules each {@code ImagePullSecret}'s rule, by the object's name
   * @return the index
   */
  public static RuleIndex of(Map<String, NamespaceRule> rules) {
    return new RuleIndex(Objects.requireNonNull(rules, "rules"));
  }

  /**
   * Returns the empty index.
   *
   * @return an index without rules
   */
  public static RuleIndex empty() {
    return new RuleIndex(Map.of());
  }

  /**
   * Returns the objects whose namespace clauses may match a namespace: those that name it, those
   * with a selector filed under one of its label or annotation keys, and those with a selector that
   * needs no key. Every object whose {@link NamespaceRule#evaluateNamespaceOnly} matches the
   * namespace is among them.
   *
   * @param namespace the namespace
   * @return the candidates' names
   */
  public Set<String> candidates(NamespaceView namespace) {
    Set<String> candidates = new HashSet<>(anyNamespace);
    candidates.addAll(byName.getOrDefault(namespace.name(), Set.of()));
    namespace
        .labels()
        .keySet()
        .forEach(k -> candidates.addAll(byLabelKey.getOrDefault(k, Set.of())));
    namespace
        .annotations()
        .keySet()
        .forEach(k -> candidates.addAll(byAnnotationKey.getOrDefault(k, Set.of())));
    return candidates;
  }

  /**
   * Returns the objects whose namespace clauses match a namespace now or matched it before a
   * change: the ones a namespace event concerns.
   *
   * @param before the namespace before the change, or {@code null} if it was just created
   * @param after the namespace after the change, or {@code null} if it was deleted
   * @return the names of the objects whose verdict is or was "matched by a namespace clause"
   */
  public Set<String> matchingBeforeOrAfter(NamespaceView before, NamespaceView after) {
    Set<String> candidates = new HashSet<>();
    if (before != null) {
      candidates.addAll(candidates(before));
    }
    if (after != null) {
      candidates.addAll(candidates(after));
    }
    Set<String> matching = new HashSet<>();
    for (String name : candidates) {
      NamespaceRule rule = rules.get(name);
      if ((before != null && rule.evaluateNamespaceOnly(before).matched())
          || (after != null && rule.evaluateNamespaceOnly(after).matched())) {
        matching.add(name);
      }
    }
    return matching;
  }

  /**
   * Returns the objects whose namespace clause verdict differs between two states of a namespace.
   *
   * @param before the namespace before the change
   * @param after the namespace after the change
   * @return the names of the objects for which the namespace got or lost its copy by its own
   *     clauses
   */
  public Set<String> flipped(NamespaceView before, NamespaceView after) {
    Set<String> candidates = new HashSet<>(candidates(before));
    candidates.addAll(candidates(after));
    Set<String> flipped = new HashSet<>();
    for (String name : candidates) {
      NamespaceRule rule = rules.get(name);
      if (rule.evaluateNamespaceOnly(before).matched()
          != rule.evaluateNamespaceOnly(after).matched()) {
        flipped.add(name);
      }
    }
    return flipped;
  }

  /**
   * Returns the objects for which one pod's change may flip a namespace's verdict: those whose pod
   * clauses the pod matches before or after the change but not both, and whose namespace clauses do
   * not select the namespace anyway. Whether another pod of the namespace keeps a pod clause
   * holding is left to the caller, which knows the namespace's pods.
   *
   * @param namespace the pod's namespace, or {@code null} if it is not known (then no namespace
   *     clause selects it)
   * @param before the pod before the change, or {@code null} if it was just created
   * @param after the pod after the change, or {@code null} if it was deleted
   * @return the rules of those objects, by object name
   */
  public Map<String, NamespaceRule> podClauseFlips(
      NamespaceView namespace, PodView before, PodView after) {
    Map<String, NamespaceRule> flips = new HashMap<>();
    for (String name : withPodClauses) {
      NamespaceRule rule = rules.get(name);
      if (namespace != null && rule.evaluateNamespaceOnly(namespace).matched()) {
        continue;
      }
      boolean was = before != null && rule.evaluatePod(before).matched();
      boolean is = after != null && rule.evaluatePod(after).matched();
      if (was != is) {
        flips.put(name, rule);
      }
    }
    return flips;
  }

  /**
   * Returns the number of rules.
   *
   * @return how many objects are indexed
   */
  public int size() {
    return rules.size();
  }

  private void file(String name, NamespaceRule rule) {
    rule.names().forEach(n -> byName.computeIfAbsent(n, k -> new HashSet<>()).add(name));
    for (LabelSelector selector : rule.namespaceLabels()) {
      fileSelector(name, selector.isNothing(), selector.requirements(), byLabelKey);
    }
    for (AnnotationSelector selector : rule.namespaceAnnotations()) {
      fileSelector(name, selector.isNothing(), selector.requirements(), byAnnotationKey);
    }
    if (rule.hasPodClauses()) {
      withPodClauses.add(name);
    }
  }

  private void fileSelector(
      String name,
      boolean matchesNothing,
      Collection<Requirement> requirements,
      Map<String, Set<String>> byKey) {
    if (matchesNothing) {
      return;
    }
    for (Requirement requirement : requirements) {
      if (needsKey(requirement)) {
        byKey.computeIfAbsent(requirement.key(), k -> new HashSet<>()).add(name);
        return;
      }
    }
    anyNamespace.add(name);
  }

  private static boolean needsKey(Requirement requirement) {
    return switch (requirement.operator()) {
      case IN, EQUALS, DOUBLE_EQUALS, EXISTS, GREATER_THAN, LESS_THAN -> true;
      case NOT_IN, NOT_EQUALS, DOES_NOT_EXIST -> false;
    };
  }
}
