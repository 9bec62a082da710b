package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import dev.imps.api.ApiConstants;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Objects;

/**
 * One {@code ImagePullSecret}: which registry credentials to merge into one pull secret, and which
 * namespaces get a copy of it. Cluster-scoped.
 *
 * <p>A new instance has {@code apiVersion} {@value ApiConstants#API_VERSION} and {@code kind}
 * {@value ApiConstants#KIND}.
 */
public class ImagePullSecret implements KubernetesObject {

  @SerializedName("apiVersion")
  private String apiVersion = ApiConstants.API_VERSION;

  @SerializedName("kind")
  private String kind = ApiConstants.KIND;

  @SerializedName("metadata")
  private V1ObjectMeta metadata;

  @SerializedName("spec")
  private ImagePullSecretSpec spec;

  @SerializedName("status")
  private ImagePullSecretStatus status;

  /** Creates an object with the imps {@code apiVersion} and {@code kind} and nothing else. */
  public ImagePullSecret() {}

  /**
   * Sets {@code apiVersion}.
   *
   * @param apiVersion the API version, normally {@value ApiConstants#API_VERSION}
   * @return this object
   */
  public ImagePullSecret apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return this;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  /**
   * Sets {@code apiVersion}.
   *
   * @param apiVersion the API version, normally {@value ApiConstants#API_VERSION}
   */
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  /**
   * Sets {@code kind}.
   *
   * @param kind the kind, normally {@value ApiConstants#KIND}
   * @return this object
   */
  public ImagePullSecret kind(String kind) {
    this.kind = kind;
    return this;
  }

  @Override
  public String getKind() {
    return kind;
  }

  /**
   * Sets {@code kind}.
   *
   * @param kind the kind, normally {@value ApiConstants#KIND}
   */
  public void setKind(String kind) {
    this.kind = kind;
  }

  /**
   * Sets {@code metadata}.
   *
   * @param metadata the object metadata; {@code namespace} stays empty, the resource is
   *     cluster-scoped
   * @return this object
   */
  public ImagePullSecret metadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
    return this;
  }

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  /**
   * Sets {@code metadata}.
   *
   * @param metadata the object metadata
   */
  public void setMetadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /**
   * Sets {@code spec}.
   *
   * @param spec the desired state
   * @return this object
   */
  public ImagePullSecret spec(ImagePullSecretSpec spec) {
    this.spec = spec;
    return this;
  }

  /**
   * Returns {@code spec}, the desired state.
   *
   * @return the spec, or {@code null} if absent
   */
  public ImagePullSecretSpec getSpec() {
    return spec;
  }

  /**
   * Sets {@code spec}.
   *
   * @param spec the desired state
   */
  public void setSpec(ImagePullSecretSpec spec) {
    this.spec = spec;
  }

  /**
   * Sets {@code status}.
   *
   * @param status the observed state
   * @return this object
   */
  public ImagePullSecret status(ImagePullSecretStatus status) {
    this.status = status;
    return this;
  }

  /**
   * Returns {@code status}, the observed state the controller writes.
   *
   * @return the status, or {@code null} if absent
   */
  public ImagePullSecretStatus getStatus() {
    return status;
  }

  /**
   * Sets {@code status}.
   *
   * @param status the observed state
   */
  public void setStatus(ImagePullSecretStatus status) {
    this.status = status;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImagePullSecret)) {
      return false;
    }
    ImagePullSecret other = (ImagePullSecret) o;
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(spec, other.spec)
        && Objects.equals(status, other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, spec, status);
  }

  @Override
  public String toString() {
    return "ImagePullSecret{apiVersion="
        + apiVersion
        + ", kind="
        + kind
        + ", metadata="
        + metadata
        + ", spec="
        + spec
        + ", status="
        + status
        + "}";
  }
}
