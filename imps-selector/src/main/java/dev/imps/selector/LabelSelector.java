package dev.imps.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector: the AND of {@link Requirement}s over labels, matching exactly like
 * apimachinery's {@code labels.Selector}.
 *
 * <p>Build one from the string syntax of {@code kubectl get -l} with {@link #parse}, from the
 * {@code metav1.LabelSelector} form with {@link #of}, or use {@link #everything()} and {@link
 * #nothing()}. Keys must be qualified names and values valid label values (at most 63 characters of
 * {@code [A-Za-z0-9-_.]} with alphanumeric ends, or empty).
 *
 * <p>{@link #toString()} is canonical and is apimachinery's {@code String()}: requirements sorted
 * by key, values sorted ({@code a=b,c in (d,e),!f}). {@link #parse} reads it back to an equal
 * selector, and the API server accepts it as a {@code labelSelector} query parameter with the same
 * meaning. The one exception is {@link #nothing()}, which no selector string can express.
 *
 * <p>Instances are immutable and thread-safe; {@link #matches} allocates nothing.
 */
public final class LabelSelector {

  /** Printed by {@link #nothing()}; the lexer rejects '<' at the start, so it never parses. */
  private static final String NOTHING_STRING = "<nothing>";

  private static final LabelSelector EVERYTHING = new LabelSelector(Conjunction.EMPTY, false);
  private static final LabelSelector NOTHING = new LabelSelector(Conjunction.EMPTY, true);

  private final Conjunction requirements;
  private final boolean nothing;

  private LabelSelector(Conjunction requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /**
   * Parses the label selector string syntax exactly as apimachinery's {@code labels.Parse}: {@code
   * k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a)}, {@code k}, {@code
   * !k}, {@code k>1}, {@code k<1}, joined by commas (AND). Whitespace between tokens is ignored;
   * the empty (or blank) string matches everything. {@code k=} and {@code k in ()} mean the empty
   * value. Keys are case-sensitive.
   *
   * @param selector the selector string
   * @return the selector
   * @throws InvalidSelectorException if the syntax is wrong, a key is not a qualified name or a
   *     value is not a label value; the message names the offending token and its position
   * @throws NullPointerException if {@code selector} is {@code null}
   */
  public static LabelSelector parse(String selector) {
    Objects.requireNonNull(selector, "selector");
    List<Requirement> parsed = SelectorParser.parse(selector);
    return parsed.isEmpty() ? EVERYTHING : new LabelSelector(Conjunction.of(parsed), false);
  }

  /**
   * Builds a selector from the {@code metav1.LabelSelector} form, as apimachinery's {@code
   * LabelSelectorAsSelector}: each {@code matchLabels} entry {@code k: v} becomes {@code k=v}, and
   * all entries and expressions must hold. With no labels and no expressions the selector matches
   * everything. (A missing {@code LabelSelector} object, which apimachinery reads as nothing, is
   * the caller's case: use {@link #nothing()}.)
   *
   * @param matchLabels the {@code matchLabels} map; {@code null} means empty
   * @param matchExpressions the {@code matchExpressions} list; {@code null} means empty
   * @return the selector
   * @throws InvalidSelectorException if a key is not a qualified name or a value is not a valid
   *     label value; the message names the field, key and value
   * @throws NullPointerException if a map key, map value or list element is {@code null}
   */
  public static LabelSelector of(
      Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    List<Requirement> all = new ArrayList<>();
    if (matchLabels != null) {
      for (Map.Entry<String, String> entry : matchLabels.entrySet()) {
        String key = Objects.requireNonNull(entry.getKey(), "matchLabels: null key");
        String value =
            Objects.requireNonNull(entry.getValue(), () -> "matchLabels[" + key + "]: null value");
        Requirement requirement;
        try {
          requirement = Requirement.of(key, Operator.EQUALS, value);
        } catch (InvalidSelectorException e) {
          throw new InvalidSelectorException("matchLabels: " + e.getMessage());
        }
        checkLabelValues("matchLabels", requirement);
        all.add(requirement);
      }
    }
    if (matchExpressions != null) {
      for (int i = 0; i < matchExpressions.size(); i++) {
        String field = "matchExpressions[" + i + "]";
        Requirement requirement =
            Objects.requireNonNull(matchExpressions.get(i), () -> field + " is null");
        checkLabelValues(field, requirement);
        all.add(requirement);
      }
    }
    return all.isEmpty() ? EVERYTHING : new LabelSelector(Conjunction.of(all), false);
  }

  private static void checkLabelValues(String field, Requirement requirement) {
    for (String value : requirement.values()) {
      String error = KubernetesNames.labelValueError(value);
      if (error != null) {
        throw new InvalidSelectorException(
            field
                + ": key "
                + KubernetesNames.quote(requirement.key())
                + ": value "
                + KubernetesNames.quote(value)
                + ": "
                + error);
      }
    }
  }

  /**
   * Returns the selector that matches every set of labels, including none; prints as {@code ""}.
   *
   * @return the shared instance
   */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /**
   * Returns the selector that matches no set of labels at all. It prints as {@code <nothing>},
   * which is deliberately <em>not</em> valid selector syntax: {@link #parse} rejects it, so it does
   * not round-trip, and sending it to an API server fails loudly instead of selecting everything
   * (apimachinery prints its {@code Nothing()} as {@code ""}, which means the opposite). Check
   * {@link #isNothing()} before turning a selector into a query.
   *
   * @return the shared instance
   */
  public static LabelSelector nothing() {
    return NOTHING;
  }

  /**
   * Tells whether the labels satisfy every requirement.
   *
   * @param labels the labels of an object; {@code null} means none
   * @return whether the selector matches; always {@code false} for {@link #nothing()}
   */
  public boolean matches(Map<String, String> labels) {
    return !nothing && requirements.matches(labels);
  }

  /**
   * Returns the requirements in canonical order (by key).
   *
   * @return an unmodifiable list; empty for {@link #everything()} and {@link #nothing()}
   */
  public List<Requirement> requirements() {
    return requirements.requirements();
  }

  /**
   * Tells whether this selector places no restriction, i.e. matches everything (apimachinery's
   * {@code Empty()}).
   *
   * @return {@code true} if there are no requirements and this is not {@link #nothing()}
   */
  public boolean isEverything() {
    return !nothing && requirements.isEmpty();
  }

  /**
   * Tells whether this is the selector that matches nothing.
   *
   * @return {@code true} only for {@link #nothing()}
   */
  public boolean isNothing() {
    return nothing;
  }

  /** Two selectors are equal when they have equal requirements (see {@link Requirement}). */
  @Override
  public boolean equals(Object other) {
    return other instanceof LabelSelector that
        && nothing == that.nothing
        && requirements.equals(that.requirements);
  }

  @Override
  public int hashCode() {
    return nothing ? -1 : requirements.hashCode();
  }

  /**
   * Returns the canonical selector string, as apimachinery's {@code String()}: requirements sorted
   * by key and joined by {@code ,}; {@code ""} for {@link #everything()}; {@code <nothing>} for
   * {@link #nothing()}.
   */
  @Override
  public String toString() {
    return nothing ? NOTHING_STRING : requirements.toString(false);
  }
}
