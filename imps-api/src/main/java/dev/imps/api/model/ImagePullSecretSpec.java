package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * The desired state of an {@link ImagePullSecret}: where the credentials come from ({@code
 * registry}) and where the pull secret goes ({@code target}). Both are required.
 */
public class ImagePullSecretSpec {

  @SerializedName("target")
  private TargetConfig target;

  @SerializedName("registry")
  private RegistryConfig registry;

  /** Creates an empty instance. */
  public ImagePullSecretSpec() {}

  /**
   * Sets {@code target}: the secret to create and the namespaces that get it.
   *
   * @param target the new value
   * @return this object
   */
  public ImagePullSecretSpec target(TargetConfig target) {
    this.target = target;
    return this;
  }

  /**
   * Returns {@code target}: the secret to create and the namespaces that get it.
   *
   * @return the value, or {@code null} if absent
   */
  public TargetConfig getTarget() {
    return target;
  }

  /**
   * Sets {@code target}.
   *
   * @param target the new value
   */
  public void setTarget(TargetConfig target) {
    this.target = target;
  }

  /**
   * Sets {@code registry}: the source secrets merged into the pull secret.
   *
   * @param registry the new value
   * @return this object
   */
  public ImagePullSecretSpec registry(RegistryConfig registry) {
    this.registry = registry;
    return this;
  }

  /**
   * Returns {@code registry}: the source secrets merged into the pull secret.
   *
   * @return the value, or {@code null} if absent
   */
  public RegistryConfig getRegistry() {
    return registry;
  }

  /**
   * Sets {@code registry}.
   *
   * @param registry the new value
   */
  public void setRegistry(RegistryConfig registry) {
    this.registry = registry;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImagePullSecretSpec)) {
      return false;
    }
    ImagePullSecretSpec other = (ImagePullSecretSpec) o;
    return Objects.equals(target, other.target) && Objects.equals(registry, other.registry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, registry);
  }

  @Override
  public String toString() {
    return "ImagePullSecretSpec{target=" + target + ", registry=" + registry + "}";
  }
}
