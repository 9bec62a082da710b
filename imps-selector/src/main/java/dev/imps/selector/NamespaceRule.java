package dev.imps.selector;

import static dev.imps.selector.SelectorConstants.CLAUSE_NAMES;
import static dev.imps.selector.SelectorConstants.CLAUSE_NAMESPACE_ANNOTATIONS;
import static dev.imps.selector.SelectorConstants.CLAUSE_NAMESPACE_LABELS;
import static dev.imps.selector.SelectorConstants.CLAUSE_POD_ANNOTATIONS;
import static dev.imps.selector.SelectorConstants.CLAUSE_POD_LABELS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IMPS rule that decides which namespaces get an image pull secret: a namespace is selected
 * when it is named in {@code names}, <em>or</em> its labels match one of the namespace label
 * selectors, <em>or</em> its annotations match one of the namespace annotation selectors,
 * <em>or</em> some pod in it matches one of the pod label or pod annotation selectors. Every list
 * entry is an alternative (logical OR); within one selector all requirements must hold (AND).
 *
 * <p>An empty or missing list contributes nothing, so a rule with all lists empty selects no
 * namespace. A list holding one {@linkplain LabelSelector#everything() empty selector} selects
 * every namespace (or, for pod lists, every namespace with at least one pod).
 *
 * <p>Evaluation reports the first matching clause in a fixed order: {@code names}, {@code
 * namespaces.labels}, {@code namespaces.annotations}, {@code namespacesWithPods.labels}, {@code
 * namespacesWithPods.annotations}, each list in index order; for a pod clause, the first pod (in
 * iteration order) that satisfies it. Clause names are computed once, so evaluating allocates
 * nothing unless a pod clause matches.
 *
 * <p>Instances are immutable and thread-safe. Build them with {@link #of} or {@link #builder()}.
 */
public final class NamespaceRule {

  private static final NamespaceRule NONE = builder().build();

  private final List<String> names;
  private final List<LabelSelector> namespaceLabels;
  private final List<AnnotationSelector> namespaceAnnotations;
  private final List<LabelSelector> podLabels;
  private final List<AnnotationSelector> podAnnotations;

  private final Map<String, Decision> nameClauses;
  private final Clauses<LabelSelector> namespaceLabelClauses;
  private final Clauses<AnnotationSelector> namespaceAnnotationClauses;
  private final Clauses<LabelSelector> podLabelClauses;
  private final Clauses<AnnotationSelector> podAnnotationClauses;

  private NamespaceRule(Builder builder) {
    this.names = List.copyOf(builder.names);
    this.namespaceLabels = List.copyOf(builder.namespaceLabels);
    this.namespaceAnnotations = List.copyOf(builder.namespaceAnnotations);
    this.podLabels = List.copyOf(builder.podLabels);
    this.podAnnotations = List.copyOf(builder.podAnnotations);
    Map<String, Decision> byName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (!byName.containsKey(names.get(i))) {
        byName.put(names.get(i), Decision.matched(CLAUSE_NAMES + "[" + i + "]"));
      }
    }
    this.nameClauses = Map.copyOf(byName);
    this.namespaceLabelClauses = new Clauses<>(CLAUSE_NAMESPACE_LABELS, namespaceLabels);
    this.namespaceAnnotationClauses =
        new Clauses<>(CLAUSE_NAMESPACE_ANNOTATIONS, namespaceAnnotations);
    this.podLabelClauses = new Clauses<>(CLAUSE_POD_LABELS, podLabels);
    this.podAnnotationClauses = new Clauses<>(CLAUSE_POD_ANNOTATIONS, podAnnotations);
  }

  /**
   * Creates a rule from its five lists.
   *
   * @param names namespace names; {@code null} means none
   * @param namespaceLabels selectors on namespace labels; {@code null} means none
   * @param namespaceAnnotations selectors on namespace annotations; {@code null} means none
   * @param podLabels selectors on the labels of pods in the namespace; {@code null} means none
   * @param podAnnotations selectors on the annotations of pods in the namespace; {@code null} means
   *     none
   * @return the rule
   * @throws NullPointerException if an element of a list is {@code null}; the message names the
   *     list and index
   */
  public static NamespaceRule of(
      List<String> names,
      List<LabelSelector> namespaceLabels,
      List<AnnotationSelector> namespaceAnnotations,
      List<LabelSelector> podLabels,
      List<AnnotationSelector> podAnnotations) {
    return builder()
        .names(names)
        .namespaceLabels(namespaceLabels)
        .namespaceAnnotations(namespaceAnnotations)
        .podLabels(podLabels)
        .podAnnotations(podAnnotations)
        .build();
  }

  /**
   * Returns the rule with no clauses, which selects no namespace.
   *
   * @return the shared instance
   */
  public static NamespaceRule none() {
    return NONE;
  }

  /**
   * Starts building a rule; every list starts empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Evaluates the whole rule for a namespace and the pods in it.
   *
   * @param namespace the namespace
   * @param podsInNamespace the pods in that namespace; {@code null} means none. Only iterated when
   *     no namespace clause matches and the rule has pod clauses, once per pod clause.
   * @return the first matching clause, or {@link Decision#notMatched()}
   * @throws NullPointerException if {@code namespace} or a pod is {@code null}
   */
  public Decision evaluate(NamespaceView namespace, Iterable<PodView> podsInNamespace) {
    Decision byNamespace = evaluateNamespaceOnly(namespace);
    if (byNamespace.matched() || podsInNamespace == null || !hasPodClauses()) {
      return byNamespace;
    }
    for (int i = 0; i < podLabelClauses.size(); i++) {
      LabelSelector selector = podLabelClauses.selector(i);
      for (PodView pod : podsInNamespace) {
        if (selector.matches(pod.labels())) {
          return Decision.matchedViaPod(podLabelClauses.name(i), pod.name());
        }
      }
    }
    for (int i = 0; i < podAnnotationClauses.size(); i++) {
      AnnotationSelector selector = podAnnotationClauses.selector(i);
      for (PodView pod : podsInNamespace) {
        if (selector.matches(pod.annotations())) {
          return Decision.matchedViaPod(podAnnotationClauses.name(i), pod.name());
        }
      }
    }
    return Decision.notMatched();
  }

  /**
   * Evaluates only the clauses about the namespace itself: {@code names}, {@code namespaces.labels}
   * and {@code namespaces.annotations}. A controller can use this to skip pod events for namespaces
   * that are selected anyway.
   *
   * @param namespace the namespace
   * @return the first matching namespace clause, or {@link Decision#notMatched()}
   * @throws NullPointerException if {@code namespace} is {@code null}
   */
  public Decision evaluateNamespaceOnly(NamespaceView namespace) {
    Objects.requireNonNull(namespace, "namespace");
    Decision byName = nameClauses.get(namespace.name());
    if (byName != null) {
      return byName;
    }
    for (int i = 0; i < namespaceLabelClauses.size(); i++) {
      if (namespaceLabelClauses.selector(i).matches(namespace.labels())) {
        return namespaceLabelClauses.decision(i);
      }
    }
    for (int i = 0; i < namespaceAnnotationClauses.size(); i++) {
      if (namespaceAnnotationClauses.selector(i).matches(namespace.annotations())) {
        return namespaceAnnotationClauses.decision(i);
      }
    }
    return Decision.notMatched();
  }

  /**
   * Evaluates only the pod clauses for one pod: would this pod alone select its namespace?
   *
   * @param pod the pod
   * @return the first pod clause it satisfies, as {@code <clause> via pod <name>}, or {@link
   *     Decision#notMatched()}
   * @throws NullPointerException if {@code pod} is {@code null}
   */
  public Decision evaluatePod(PodView pod) {
    Objects.requireNonNull(pod, "pod");
    for (int i = 0; i < podLabelClauses.size(); i++) {
      if (podLabelClauses.selector(i).matches(pod.labels())) {
        return Decision.matchedViaPod(podLabelClauses.name(i), pod.name());
      }
    }
    for (int i = 0; i < podAnnotationClauses.size(); i++) {
      if (podAnnotationClauses.selector(i).matches(pod.annotations())) {
        return Decision.matchedViaPod(podAnnotationClauses.name(i), pod.name());
      }
    }
    return Decision.notMatched();
  }

  /**
   * Returns the first pod clause this pod satisfies, without the pod name.
   *
   * @param pod the pod
   * @return e.g. {@code namespacesWithPods.labels[0]}, or empty if no pod clause matches
   * @throws NullPointerException if {@code pod} is {@code null}
   */
  public Optional<String> matchingPodClause(PodView pod) {
    Objects.requireNonNull(pod, "pod");
    for (int i = 0; i < podLabelClauses.size(); i++) {
      if (podLabelClauses.selector(i).matches(pod.labels())) {
        return Optional.of(podLabelClauses.name(i));
      }
    }
    for (int i = 0; i < podAnnotationClauses.size(); i++) {
      if (podAnnotationClauses.selector(i).matches(pod.annotations())) {
        return Optional.of(podAnnotationClauses.name(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether the rule has pod clauses, i.e. whether pods can affect its outcome.
   *
   * @return {@code true} if there is a pod label or pod annotation selector
   */
  public boolean hasPodClauses() {
    return podLabelClauses.size() + podAnnotationClauses.size() > 0;
  }

  /**
   * Tells whether the rule has clauses about the namespace itself.
   *
   * @return {@code true} if there is a name or a namespace label or annotation selector
   */
  public boolean hasNamespaceClauses() {
    return !names.isEmpty() || !namespaceLabels.isEmpty() || !namespaceAnnotations.isEmpty();
  }

  /**
   * Returns the namespace names.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns the namespace label selectors.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<LabelSelector> namespaceLabels() {
    return namespaceLabels;
  }

  /**
   * Returns the namespace annotation selectors.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<AnnotationSelector> namespaceAnnotations() {
    return namespaceAnnotations;
  }

  /**
   * Returns the pod label selectors.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<LabelSelector> podLabels() {
    return podLabels;
  }

  /**
   * Returns the pod annotation selectors.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<AnnotationSelector> podAnnotations() {
    return podAnnotations;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NamespaceRule that
        && names.equals(that.names)
        && namespaceLabels.equals(that.namespaceLabels)
        && namespaceAnnotations.equals(that.namespaceAnnotations)
        && podLabels.equals(that.podLabels)
        && podAnnotations.equals(that.podAnnotations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, namespaceLabels, namespaceAnnotations, podLabels, podAnnotations);
  }

  /**
   * Lists the clauses, e.g. {@code NamespaceRule[names=[a], namespaces.labels=[env=prod], ...]}.
   */
  @Override
  public String toString() {
    return "NamespaceRule["
        + CLAUSE_NAMES
        + "="
        + names
        + ", "
        + CLAUSE_NAMESPACE_LABELS
        + "="
        + namespaceLabels
        + ", "
        + CLAUSE_NAMESPACE_ANNOTATIONS
        + "="
        + namespaceAnnotations
        + ", "
        + CLAUSE_POD_LABELS
        + "="
        + podLabels
        + ", "
        + CLAUSE_POD_ANNOTATIONS
        + "="
        + podAnnotations
        + "]";
  }

  /**
   * Collects the lists of a {@link NamespaceRule}. Each setter replaces the list; {@code null}
   * means empty. Not thread-safe; the built rule is.
   */
  public static final class Builder {

    private List<String> names = List.of();
    private List<LabelSelector> namespaceLabels = List.of();
    private List<AnnotationSelector> namespaceAnnotations = List.of();
    private List<LabelSelector> podLabels = List.of();
    private List<AnnotationSelector> podAnnotations = List.of();

    private Builder() {}

    /**
     * Sets the namespace names.
     *
     * @param names the names; {@code null} means none
     * @return this builder
     * @throws NullPointerException if a name is {@code null}
     */
    public Builder names(List<String> names) {
      this.names = copy("names", names);
      return this;
    }

    /**
     * Sets the namespace label selectors.
     *
     * @param selectors the selectors; {@code null} means none
     * @return this builder
     * @throws NullPointerException if a selector is {@code null}
     */
    public Builder namespaceLabels(List<LabelSelector> selectors) {
      this.namespaceLabels = copy(CLAUSE_NAMESPACE_LABELS, selectors);
      return this;
    }

    /**
     * Sets the namespace annotation selectors.
     *
     * @param selectors the selectors; {@code null} means none
     * @return this builder
     * @throws NullPointerException if a selector is {@code null}
     */
    public Builder namespaceAnnotations(List<AnnotationSelector> selectors) {
      this.namespaceAnnotations = copy(CLAUSE_NAMESPACE_ANNOTATIONS, selectors);
      return this;
    }

    /**
     * Sets the selectors on the labels of pods in the namespace.
     *
     * @param selectors the selectors; {@code null} means none
     * @return this builder
     * @throws NullPointerException if a selector is {@code null}
     */
    public Builder podLabels(List<LabelSelector> selectors) {
      this.podLabels = copy(CLAUSE_POD_LABELS, selectors);
      return this;
    }

    /**
     * Sets the selectors on the annotations of pods in the namespace.
     *
     * @param selectors the selectors; {@code null} means none
     * @return this builder
     * @throws NullPointerException if a selector is {@code null}
     */
    public Builder podAnnotations(List<AnnotationSelector> selectors) {
      this.podAnnotations = copy(CLAUSE_POD_ANNOTATIONS, selectors);
      return this;
    }

    /**
     * Builds the rule.
     *
     * @return the immutable rule
     */
    public NamespaceRule build() {
      return new NamespaceRule(this);
    }

    private static <T> List<T> copy(String field, List<T> list) {
      if (list == null) {
        return List.of();
      }
      List<T> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        int index = i;
        copy.add(Objects.requireNonNull(list.get(i), () -> field + "[" + index + "] is null"));
      }
      return copy;
    }
  }
}
