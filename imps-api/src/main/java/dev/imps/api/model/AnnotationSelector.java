package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A selector over annotations with the shape of a label selector ({@code matchAnnotations} in place
 * of {@code matchLabels}). The terms are ANDed.
 */
public class AnnotationSelector {

  @SerializedName("matchAnnotations")
  private Map<String, String> matchAnnotations;

  @SerializedName("matchExpressions")
  private List<V1LabelSelectorRequirement> matchExpressions;

  /** Creates an empty instance. */
  public AnnotationSelector() {}

  /**
   * Sets {@code matchAnnotations}: annotations that must be present with exactly these values.
   *
   * @param matchAnnotations the new value
   * @return this object
   */
  public AnnotationSelector matchAnnotations(Map<String, String> matchAnnotations) {
    this.matchAnnotations = matchAnnotations;
    return this;
  }

  /**
   * Puts one entry into {@code matchAnnotations}.
   *
   * @param key the key
   * @param value the value
   * @return this object
   */
  public AnnotationSelector putMatchAnnotationsItem(String key, String value) {
    if (matchAnnotations == null) {
      matchAnnotations = new LinkedHashMap<>();
    }
    matchAnnotations.put(key, value);
    return this;
  }

  /**
   * Returns {@code matchAnnotations}: annotations that must be present with exactly these values.
   *
   * @return the value, or {@code null} if absent
   */
  public Map<String, String> getMatchAnnotations() {
    return matchAnnotations;
  }

  /**
   * Sets {@code matchAnnotations}.
   *
   * @param matchAnnotations the new value
   */
  public void setMatchAnnotations(Map<String, String> matchAnnotations) {
    this.matchAnnotations = matchAnnotations;
  }

  /**
   * Sets {@code matchExpressions}: requirements on annotations ({@code In}, {@code NotIn}, {@code
   * Exists}, {@code DoesNotExist}).
   *
   * @param matchExpressions the new value
   * @return this object
   */
  public AnnotationSelector matchExpressions(List<V1LabelSelectorRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
    return this;
  }

  /**
   * Appends one element to {@code matchExpressions}.
   *
   * @param item the element to append
   * @return this object
   */
  public AnnotationSelector addMatchExpressionsItem(V1LabelSelectorRequirement item) {
    if (matchExpressions == null) {
      matchExpressions = new ArrayList<>();
    }
    matchExpressions.add(item);
    return this;
  }

  /**
   * Returns {@code matchExpressions}: requirements on annotations ({@code In}, {@code NotIn},
   * {@code Exists}, {@code DoesNotExist}).
   *
   * @return the value, or {@code null} if absent
   */
  public List<V1LabelSelectorRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  /**
   * Sets {@code matchExpressions}.
   *
   * @param matchExpressions the new value
   */
  public void setMatchExpressions(List<V1LabelSelectorRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AnnotationSelector)) {
      return false;
    }
    AnnotationSelector other = (AnnotationSelector) o;
    return Objects.equals(matchAnnotations, other.matchAnnotations)
        && Objects.equals(matchExpressions, other.matchExpressions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(matchAnnotations, matchExpressions);
  }

  @Override
  public String toString() {
    return "AnnotationSelector{matchAnnotations="
        + matchAnnotations
        + ", matchExpressions="
        + matchExpressions
        + "}";
  }
}
