package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The namespaces selected directly ({@code spec.target.namespaces}): by name, by label selector or
 * by annotation selector, ORed.
 *
 * <p>IMPS embeds {@link ObjectSelectorConfiguration} here; Java has no inlining, so the two
 * selector fields are repeated.
 */
public class NamespaceSelectorConfiguration {

  @SerializedName("names")
  private List<String> names;

  @SerializedName("labels")
  private List<V1LabelSelector> labels;

  @SerializedName("annotations")
  private List<AnnotationSelector> annotations;

  /** Creates an empty instance. */
  public NamespaceSelectorConfiguration() {}

  /**
   * Sets {@code names}: namespaces selected by name.
   *
   * @param names the new value
   * @return this object
   */
  public NamespaceSelectorConfiguration names(List<String> names) {
    this.names = names;
    return this;
  }

  /**
   * Appends one element to {@code names}.
   *
   * @param item the element to append
   * @return this object
   */
  public NamespaceSelectorConfiguration addNamesItem(String item) {
    if (names == null) {
      names = new ArrayList<>();
    }
    names.add(item);
    return this;
  }

  /**
   * Returns {@code names}: namespaces selected by name.
   *
   * @return the value, or {@code null} if absent
   */
  public List<String> getNames() {
    return names;
  }

  /**
   * Sets {@code names}.
   *
   * @param names the new value
   */
  public void setNames(List<String> names) {
    this.names = names;
  }

  /**
   * Sets {@code labels}: label selectors matched against namespace labels, ORed.
   *
   * @param labels the new value
   * @return this object
   */
  public NamespaceSelectorConfiguration labels(List<V1LabelSelector> labels) {
    this.labels = labels;
    return this;
  }

  /**
   * Appends one element to {@code labels}.
   *
   * @param item the element to append
   * @return this object
   */
  public NamespaceSelectorConfiguration addLabelsItem(V1LabelSelector item) {
    if (labels == null) {
      labels = new ArrayList<>();
    }
    labels.add(item);
    return this;
  }

  /**
   * Returns {@code labels}: label selectors matched against namespace labels, ORed.
   *
   * @return the value, or {@code null} if absent
   */
  public List<V1LabelSelector> getLabels() {
    return labels;
  }

  /**
   * Sets {@code labels}.
   *
   * @param labels the new value
   */
  public void setLabels(List<V1LabelSelector> labels) {
    this.labels = labels;
  }

  /**
   * Sets {@code annotations}: annotation selectors matched against namespace annotations, ORed.
   *
   * @param annotations the new value
   * @return this object
   */
  public NamespaceSelectorConfiguration annotations(List<AnnotationSelector> annotations) {
    this.annotations = annotations;
    return this;
  }

  /**
   * Appends one element to {@code annotations}.
   *
   * @param item the element to append
   * @return this object
   */
  public NamespaceSelectorConfiguration addAnnotationsItem(AnnotationSelector item) {
    if (annotations == null) {
      annotations = new ArrayList<>();
    }
    annotations.add(item);
    return this;
  }

  /**
   * Returns {@code annotations}: annotation selectors matched against namespace annotations, ORed.
   *
   * @return the value, or {@code null} if absent
   */
  public List<AnnotationSelector> getAnnotations() {
    return annotations;
  }

  /**
   * Sets {@code annotations}.
   *
   * @param annotations the new value
   */
  public void setAnnotations(List<AnnotationSelector> annotations) {
    this.annotations = annotations;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NamespaceSelectorConfiguration)) {
      return false;
    }
    NamespaceSelectorConfiguration other = (NamespaceSelectorConfiguration) o;
    return Objects.equals(names, other.names)
        && Objects.equals(labels, other.labels)
        && Objects.equals(annotations, other.annotations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, labels, annotations);
  }

  @Override
  public String toString() {
    return "NamespaceSelectorConfiguration{names="
        + names
        + ", labels="
        + labels
        + ", annotations="
        + annotations
        + "}";
  }
}
