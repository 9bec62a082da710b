package dev.imps.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A selector over annotations: the AND of {@link Requirement}s, with the same operators and the
 * same absent-key rules as {@link LabelSelector}.
 *
 * <p>Keys must still be qualified names, but values are arbitrary strings: annotation values are
 * free text (JSON, URLs, spaces, any length). banzaicloud IMPS wrongly required them to be valid
 * label values; this type does not.
 *
 * <p>{@link #toString()} is informative only, not parseable: it uses the label selector syntax and
 * quotes values that are not plain label values. Instances are immutable and thread-safe.
 */
public final class AnnotationSelector {

  private static final AnnotationSelector EVERYTHING =
      new AnnotationSelector(Conjunction.EMPTY, false);
  private static final AnnotationSelector NOTHING = new AnnotationSelector(Conjunction.EMPTY, true);

  private final Conjunction requirements;
  private final boolean nothing;

  private AnnotationSelector(Conjunction requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /**
   * Builds an annotation selector: each {@code matchAnnotations} entry {@code k: v} requires the
   * annotation {@code k} to be exactly {@code v}, and every expression must hold too. With no
   * entries and no expressions the selector matches everything.
   *
   * @param matchAnnotations required annotation values; {@code null} means empty
   * @param matchExpressions further requirements; {@code null} means empty
   * @return the selector
   * @throws InvalidSelectorException if a key is not a qualified name; the message names the field
   *     and key
   * @throws NullPointerException if a map key, map value or list element is {@code null}
   */
  public static AnnotationSelector of(
      Map<String, String> matchAnnotations, List<Requirement> matchExpressions) {
    List<Requirement> all = new ArrayList<>();
    if (matchAnnotations != null) {
      for (Map.Entry<String, String> entry : matchAnnotations.entrySet()) {
        String key = Objects.requireNonNull(entry.getKey(), "matchAnnotations: null key");
        String value =
            Objects.requireNonNull(
                entry.getValue(), () -> "matchAnnotations[" + key + "]: null value");
        try {
          all.add(Requirement.of(key, Operator.EQUALS, value));
        } catch (InvalidSelectorException e) {
          throw new InvalidSelectorException("matchAnnotations: " + e.getMessage());
        }
      }
    }
    if (matchExpressions != null) {
      for (int i = 0; i < matchExpressions.size(); i++) {
        String field = "matchExpressions[" + i + "]";
        all.add(Objects.requireNonNull(matchExpressions.get(i), () -> field + " is null"));
      }
    }
    return all.isEmpty() ? EVERYTHING : new AnnotationSelector(Conjunction.of(all), false);
  }

  /**
   * Returns the selector that matches any annotations, including none.
   *
   * @return the shared instance
   */
  public static AnnotationSelector everything() {
    return EVERYTHING;
  }

  /**
   * Returns the selector that matches nothing; prints as {@code <nothing>}.
   *
   * @return the shared instance
   */
  public static AnnotationSelector nothing() {
    return NOTHING;
  }

  /**
   * Tells whether the annotations satisfy every requirement.
   *
   * @param annotations the annotations of an object; {@code null} means none
   * @return whether the selector matches; always {@code false} for {@link #nothing()}
   */
  public boolean matches(Map<String, String> annotations) {
    return !nothing && requirements.matches(annotations);
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
   * Tells whether this selector places no restriction.
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
    return other instanceof AnnotationSelector that
        && nothing == that.nothing
        && requirements.equals(that.requirements);
  }

  @Override
  public int hashCode() {
    return nothing ? -1 : requirements.hashCode();
  }

  /**
   * Describes the selector in label selector syntax, quoting values that are not plain label values
   * (e.g. {@code config.example.com/mode="a b"}); {@code ""} for {@link #everything()}, {@code
   * <nothing>} for {@link #nothing()}. Not meant to be parsed.
   */
  @Override
  public String toString() {
    return nothing ? "<nothing>" : requirements.toString(true);
  }
}
