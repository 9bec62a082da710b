package dev.imps.selector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The logical AND of requirements, kept in canonical order (by key, then meaning) so that equal
 * conjunctions compare and print the same. Shared by label and annotation selectors.
 */
final class Conjunction {

  static final Conjunction EMPTY = new Conjunction(List.of());

  private final List<Requirement> requirements;
  private final Requirement[] array;

  private Conjunction(List<Requirement> requirements) {
    this.requirements = requirements;
    this.array = requirements.toArray(new Requirement[0]);
  }

  /** Sorts a copy of the requirements; a stable sort keeps the input order of equal ones. */
  static Conjunction of(Collection<Requirement> requirements) {
    if (requirements.isEmpty()) {
      return EMPTY;
    }
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Requirement::compare);
    return new Conjunction(Collections.unmodifiableList(sorted));
  }

  List<Requirement> requirements() {
    return requirements;
  }

  boolean isEmpty() {
    return array.length == 0;
  }

  boolean matches(Map<String, String> labels) {
    for (Requirement requirement : array) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  String toString(boolean quoteOddValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < array.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      array[i].appendTo(out, quoteOddValues);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Conjunction that && requirements.equals(that.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }

  @Override
  public String toString() {
    return toString(false);
  }
}
