package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Label and annotation selectors matched against an object's metadata ({@code
 * spec.target.namespacesWithPods}, and the selector part of {@code spec.target.namespaces}).
 *
 * <p>Several selectors are ORed: the object matches if any one of them does. Within one selector
 * the terms are ANDed.
 */
public class ObjectSelectorConfiguration {

  @SerializedName("labels")
  private List<V1LabelSelector> labels;

  @SerializedName("annotations")
  private List<AnnotationSelector> annotations;

  /** Creates an empty instance. */
  public ObjectSelectorConfiguration() {}

  /**
   * Sets {@code labels}: label selectors, ORed.
   *
   * @param labels the new value
   * @return this object
   */
  public ObjectSelectorConfiguration labels(List<V1LabelSelector> labels) {
    this.labels = labels;
    return this;
  }

  /**
   * Appends one element to {@code labels}.
   *
   * @param item the element to append
   * @return this object
   */
  public ObjectSelectorConfiguration addLabelsItem(V1LabelSelector item) {
    if (labels == null) {
      labels = new ArrayList<>();
    }
    labels.add(item);
    return this;
  }

  /**
   * Returns {@code labels}: label selectors, ORed.
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
   * Sets {@code annotations}: annotation selectors, ORed.
   *
   * @param annotations the new value
   * @return this object
   */
  public ObjectSelectorConfiguration annotations(List<AnnotationSelector> annotations) {
    this.annotations = annotations;
    return this;
  }

  /**
   * Appends one element to {@code annotations}.
   *
   * @param item the element to append
   * @return this object
   */
  public ObjectSelectorConfiguration addAnnotationsItem(AnnotationSelector item) {
    if (annotations == null) {
      annotations = new ArrayList<>();
    }
    annotations.add(item);
    return this;
  }

  /**
   * Returns {@code annotations}: annotation selectors, ORed.
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
    if (!(o instanceof ObjectSelectorConfiguration)) {
      return false;
    }
    ObjectSelectorConfiguration other = (ObjectSelectorConfiguration) o;
    return Objects.equals(labels, other.labels) && Objects.equals(annotations, other.annotations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(labels, annotations);
  }

  @Override
  public String toString() {
    return "ObjectSelectorConfiguration{labels=" + labels + ", annotations=" + annotations + "}";
  }
}
