package dev.imps.controller.reconcile;

import dev.imps.selector.Decision;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step one of a pass: the rule's {@link Decision} for every namespace. Pods are read only for
 * namespaces that no namespace clause selects, and only when the rule has pod clauses.
 *
 * <p>Immutable; decisions are ordered by namespace name.
 */
public final class NamespaceSelection {

  private final Map<String, NamespaceDecision> decisions;

  private NamespaceSelection(Map<String, NamespaceDecision> decisions) {
    this.decisions = decisions;
  }

  /**
   * Evaluates a rule against every namespace in the cluster state.
   *
   * @param rule the namespace rule
   * @param state where namespaces and pods come from
   * @return the decisions
   */
  public static NamespaceSelection evaluate(NamespaceRule rule, ClusterState state) {
    List<NamespaceSnapshot> namespaces = new ArrayList<>(state.namespaces());
    namespaces.sort(Comparator.comparing(NamespaceSnapshot::name));
    boolean podsMatter = rule.hasPodClauses();
    Map<String, NamespaceDecision> decisions = new LinkedHashMap<>();
    for (NamespaceSnapshot namespace : namespaces) {
      NamespaceView view = namespace.view();
      Decision decision = rule.evaluateNamespaceOnly(view);
      if (!decision.matched() && podsMatter) {
        decision = rule.evaluate(view, state.pods(namespace.name()));
      }
      decisions.put(
          namespace.name(),
          new NamespaceDecision(namespace.name(), decision, namespace.terminating()));
    }
    return new NamespaceSelection(decisions);
  }

  /**
   * Returns every decision.
   *
   * @return one decision per namespace, ordered by name
   */
  public List<NamespaceDecision> decisions() {
    return List.copyOf(decisions.values());
  }

  /**
   * Returns the decision for one namespace.
   *
   * @param namespace the namespace name
   * @return the decision, or empty if the namespace does not exist
   */
  public Optional<NamespaceDecision> decision(String namespace) {
    return Optional.ofNullable(decisions.get(namespace));
  }

  /**
   * Returns the namespaces that should hold a copy: matched and not terminating.
   *
   * @return the names, sorted
   */
  public Set<String> selected() {
    Set<String> selected = new TreeSet<>();
    decisions.values().stream()
        .filter(NamespaceDecision::selected)
        .forEach(d -> selected.add(d.namespace()));
    return selected;
  }

  /**
   * Tells whether a namespace exists and is being deleted.
   *
   * @param namespace the namespace name
   * @return {@code true} if terminating
   */
  public boolean isTerminating(String namespace) {
    NamespaceDecision decision = decisions.get(namespace);
    return decision != null && decision.terminating();
  }
}
