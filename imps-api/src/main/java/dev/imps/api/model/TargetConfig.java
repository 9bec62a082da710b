package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * Where the pull secret goes ({@code spec.target}): its name and metadata ({@code secret}), the
 * namespaces that get a copy ({@code namespaces}, {@code namespacesWithPods}) and, an imps
 * addition, the service accounts that reference it ({@code serviceAccounts}).
 *
 * <p>A namespace is selected if ANY of the names or selectors of {@code namespaces} or {@code
 * namespacesWithPods} matches (logical OR), as in IMPS.
 */
public class TargetConfig {

  @SerializedName("secret")
  private TargetSecretConfig secret;

  @SerializedName("namespaces")
  private NamespaceSelectorConfiguration namespaces;

  @SerializedName("namespacesWithPods")
  private ObjectSelectorConfiguration namespacesWithPods;

  @SerializedName("serviceAccounts")
  private ServiceAccountsConfig serviceAccounts;

  /** Creates an empty instance. */
  public TargetConfig() {}

  /**
   * Sets {@code secret}: the name, labels and annotations of the secret in every selected
   * namespace; required.
   *
   * @param secret the new value
   * @return this object
   */
  public TargetConfig secret(TargetSecretConfig secret) {
    this.secret = secret;
    return this;
  }

  /**
   * Returns {@code secret}: the name, labels and annotations of the secret in every selected
   * namespace; required.
   *
   * @return the value, or {@code null} if absent
   */
  public TargetSecretConfig getSecret() {
    return secret;
  }

  /**
   * Sets {@code secret}.
   *
   * @param secret the new value
   */
  public void setSecret(TargetSecretConfig secret) {
    this.secret = secret;
  }

  /**
   * Sets {@code namespaces}: namespaces selected by name, labels or annotations.
   *
   * @param namespaces the new value
   * @return this object
   */
  public TargetConfig namespaces(NamespaceSelectorConfiguration namespaces) {
    this.namespaces = namespaces;
    return this;
  }

  /**
   * Returns {@code namespaces}: namespaces selected by name, labels or annotations.
   *
   * @return the value, or {@code null} if absent
   */
  public NamespaceSelectorConfiguration getNamespaces() {
    return namespaces;
  }

  /**
   * Sets {@code namespaces}.
   *
   * @param namespaces the new value
   */
  public void setNamespaces(NamespaceSelectorConfiguration namespaces) {
    this.namespaces = namespaces;
  }

  /**
   * Sets {@code namespacesWithPods}: namespaces selected because a pod in them matches these label
   * or annotation selectors.
   *
   * @param namespacesWithPods the new value
   * @return this object
   */
  public TargetConfig namespacesWithPods(ObjectSelectorConfiguration namespacesWithPods) {
    this.namespacesWithPods = namespacesWithPods;
    return this;
  }

  /**
   * Returns {@code namespacesWithPods}: namespaces selected because a pod in them matches these
   * label or annotation selectors.
   *
   * @return the value, or {@code null} if absent
   */
  public ObjectSelectorConfiguration getNamespacesWithPods() {
    return namespacesWithPods;
  }

  /**
   * Sets {@code namespacesWithPods}.
   *
   * @param namespacesWithPods the new value
   */
  public void setNamespacesWithPods(ObjectSelectorConfiguration namespacesWithPods) {
    this.namespacesWithPods = namespacesWithPods;
  }

  /**
   * Sets {@code serviceAccounts}: service accounts whose {@code imagePullSecrets} get the secret in
   * every selected namespace (imps addition; opt-in).
   *
   * @param serviceAccounts the new value
   * @return this object
   */
  public TargetConfig serviceAccounts(ServiceAccountsConfig serviceAccounts) {
    this.serviceAccounts = serviceAccounts;
    return this;
  }

  /**
   * Returns {@code serviceAccounts}: service accounts whose {@code imagePullSecrets} get the secret
   * in every selected namespace (imps addition; opt-in).
   *
   * @return the value, or {@code null} if absent
   */
  public ServiceAccountsConfig getServiceAccounts() {
    return serviceAccounts;
  }

  /**
   * Sets {@code serviceAccounts}.
   *
   * @param serviceAccounts the new value
   */
  public void setServiceAccounts(ServiceAccountsConfig serviceAccounts) {
    this.serviceAccounts = serviceAccounts;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TargetConfig)) {
      return false;
    }
    TargetConfig other = (TargetConfig) o;
    return Objects.equals(secret, other.secret)
        && Objects.equals(namespaces, other.namespaces)
        && Objects.equals(namespacesWithPods, other.namespacesWithPods)
        && Objects.equals(serviceAccounts, other.serviceAccounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret, namespaces, namespacesWithPods, serviceAccounts);
  }

  @Override
  public String toString() {
    return "TargetConfig{secret="
        + secret
        + ", namespaces="
        + namespaces
        + ", namespacesWithPods="
        + namespacesWithPods
        + ", serviceAccounts="
        + serviceAccounts
        + "}";
  }
}
