package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * A reference to a namespaced object, here a source secret ({@code spec.registry.credentials[]}).
 * Both fields are required.
 */
public class NamespacedName {

  @SerializedName("name")
  private String name;

  @SerializedName("namespace")
  private String namespace;

  /** Creates an empty instance. */
  public NamespacedName() {}

  /**
   * Sets {@code name}: the secret's name.
   *
   * @param name the new value
   * @return this object
   */
  public NamespacedName name(String name) {
    this.name = name;
    return this;
  }

  /**
   * Returns {@code name}: the secret's name.
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
   * Sets {@code namespace}: the secret's namespace.
   *
   * @param namespace the new value
   * @return this object
   */
  public NamespacedName namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  /**
   * Returns {@code namespace}: the secret's namespace.
   *
   * @return the value, or {@code null} if absent
   */
  public String getNamespace() {
    return namespace;
  }

  /**
   * Sets {@code namespace}.
   *
   * @param namespace the new value
   */
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NamespacedName)) {
      return false;
    }
    NamespacedName other = (NamespacedName) o;
    return Objects.equals(name, other.name) && Objects.equals(namespace, other.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace);
  }

  @Override
  public String toString() {
    return "NamespacedName{name=" + name + ", namespace=" + namespace + "}";
  }
}
