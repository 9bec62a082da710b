package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The secret created in every selected namespace ({@code spec.target.secret}). */
public class TargetSecretConfig {

  @SerializedName("name")
  private String name;

  @SerializedName("labels")
  private Map<String, String> labels;

  @SerializedName("annotations")
  private Map<String, String> annotations;

  /** Creates an empty instance. */
  public TargetSecretConfig() {}

  /**
   * Sets {@code name}: the secret's name (a DNS-1123 subdomain); required.
   *
   * @param name the new value
   * @return this object
   */
  public TargetSecretConfig name(String name) {
    this.name = name;
    return this;
  }

  /**
   * Returns {@code name}: the secret's name (a DNS-1123 subdomain); required.
   *
   * @return the value, or {@code null} if absent
   */
  public String getName() {
    return name;
  }

  /**
   * Sets {@code name}.
   *
   * @param name the new value
   */
  public void setName(String name) {
    this.name = name;
  }

  /**
   * Sets {@code labels}: extra labels on the secret.
   *
   * @param labels the new value
   * @return this object
   */
  public TargetSecretConfig labels(Map<String, String> labels) {
    this.labels = labels;
    return this;
  }

  /**
   * Puts one entry into {@code labels}.
   *
   * @param key the key
   * @param value the value
   * @return this object
   */
  public TargetSecretConfig putLabelsItem(String key, String value) {
    if (labels == null) {
      labels = new LinkedHashMap<>();
    }
    labels.put(key, value);
    return this;
  }

  /**
   * Returns {@code labels}: extra labels on the secret.
   *
   * @return the value, or {@code null} if absent
   */
  public Map<String, String> getLabels() {
    return labels;
  }

  /**
   * Sets {@code labels}.
   *
   * @param labels the new value
   */
  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  /**
   * Sets {@code annotations}: extra annotations on the secret.
   *
   * @param annotations the new value
   * @return this object
   */
  public TargetSecretConfig annotations(Map<String, String> annotations) {
    this.annotations = annotations;
    return this;
  }

  /**
   * Puts one entry into {@code annotations}.
   *
   * @param key the key
   * @param value the value
   * @return this object
   */
  public TargetSecretConfig putAnnotationsItem(String key, String value) {
    if (annotations == null) {
      annotations = new LinkedHashMap<>();
    }
    annotations.put(key, value);
    return this;
  }

  /**
   * Returns {@code annotations}: extra annotations on the secret.
   *
   * @return the value, or {@code null} if absent
   */
  public Map<String, String> getAnnotations() {
    return annotations;
  }

  /**
   * Sets {@code annotations}.
   *
   * @param annotations the new value
   */
  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TargetSecretConfig)) {
      return false;
    }
    TargetSecretConfig other = (TargetSecretConfig) o;
    return Objects.equals(name, other.name)
        && Objects.equals(labels, other.labels)
        && Objects.equals(annotations, other.annotations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, labels, annotations);
  }

  @Override
  public String toString() {
    return "TargetSecretConfig{name="
        + name
        + ", labels="
        + labels
        + ", annotations="
        + annotations
        + "}";
  }
}
