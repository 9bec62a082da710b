package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The source of the pull secret: secrets holding docker logins or ECR login configuration, merged
 * into one {@code kubernetes.io/dockerconfigjson} secret ({@code spec.registry}).
 */
public class RegistryConfig {

  @SerializedName("credentials")
  private List<NamespacedName> credentials;

  /** Creates an empty instance. */
  public RegistryConfig() {}

  /**
   * Sets {@code credentials}: the source secrets; at least one.
   *
   * @param credentials the new value
   * @return this object
   */
  public RegistryConfig credentials(List<NamespacedName> credentials) {
    this.credentials = credentials;
    return this;
  }

  /**
   * Appends one element to {@code credentials}.
   *
   * @param item the element to append
   * @return this object
   */
  public RegistryConfig addCredentialsItem(NamespacedName item) {
    if (credentials == null) {
      credentials = new ArrayList<>();
    }
    credentials.add(item);
    return this;
  }

  /**
   * Returns {@code credentials}: the source secrets; at least one.
   *
   * @return the value, or {@code null} if absent
   */
  public List<NamespacedName> getCredentials() {
    return credentials;
  }

  /**
   * Sets {@code credentials}.
   *
   * @param credentials the new value
   */
  public void setCredentials(List<NamespacedName> credentials) {
    this.credentials = credentials;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RegistryConfig)) {
      return false;
    }
    RegistryConfig other = (RegistryConfig) o;
    return Objects.equals(credentials, other.credentials);
  }

  @Override
  public int hashCode() {
    return Objects.hash(credentials);
  }

  @Override
  public String toString() {
    return "RegistryConfig{credentials=" + credentials + "}";
  }
}
