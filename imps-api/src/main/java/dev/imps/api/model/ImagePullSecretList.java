package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import dev.imps.api.ApiConstants;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list of {@link ImagePullSecret}s as the API server returns it.
 *
 * <p>A new instance has {@code apiVersion} {@value ApiConstants#API_VERSION}, {@code kind} {@value
 * ApiConstants#LIST_KIND} and an empty item list.
 */
public class ImagePullSecretList implements KubernetesListObject {

  @SerializedName("apiVersion")
  private String apiVersion = ApiConstants.API_VERSION;

  @SerializedName("kind")
  private String kind = ApiConstants.LIST_KIND;

  @SerializedName("metadata")
  private V1ListMeta metadata;

  @SerializedName("items")
  private List<ImagePullSecret> items = new ArrayList<>();

  /** Creates an empty list with the imps {@code apiVersion} and list {@code kind}. */
  public ImagePullSecretList() {}

  /**
   * Sets {@code apiVersion}.
   *
   * @param apiVersion the API version, normally {@value ApiConstants#API_VERSION}
   * @return this list
   */
  public ImagePullSecretList apiVersion(String apiVersion) {
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
   * @param apiVersion the API version
   */
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  /**
   * Sets {@code kind}.
   *
   * @param kind the kind, normally {@value ApiConstants#LIST_KIND}
   * @return this list
   */
  public ImagePullSecretList kind(String kind) {
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
   * @param kind the kind
   */
  public void setKind(String kind) {
    this.kind = kind;
  }

  /**
   * Sets {@code metadata}.
   *
   * @param metadata the list metadata (resource version, continue token)
   * @return this list
   */
  public ImagePullSecretList metadata(V1ListMeta metadata) {
    this.metadata = metadata;
    return this;
  }

  @Override
  public V1ListMeta getMetadata() {
    return metadata;
  }

  /**
   * Sets {@code metadata}.
   *
   * @param metadata the list metadata
   */
  public void setMetadata(V1ListMeta metadata) {
    this.metadata = metadata;
  }

  /**
   * Sets {@code items}.
   *
   * @param items the objects
   * @return this list
   */
  public ImagePullSecretList items(List<ImagePullSecret> items) {
    this.items = items;
    return this;
  }

  /**
   * Appends one object to {@code items}.
   *
   * @param item the object to append
   * @return this list
   */
  public ImagePullSecretList addItemsItem(ImagePullSecret item) {
    if (items == null) {
      items = new ArrayList<>();
    }
    items.add(item);
    return this;
  }

  @Override
  public List<ImagePullSecret> getItems() {
    return items;
  }

  /**
   * Sets {@code items}.
   *
   * @param items the objects
   */
  public void setItems(List<ImagePullSecret> items) {
    this.items = items;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImagePullSecretList)) {
      return false;
    }
    ImagePullSecretList other = (ImagePullSecretList) o;
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(items, other.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, items);
  }

  @Override
  public String toString() {
    return "ImagePullSecretList{apiVersion="
        + apiVersion
        + ", kind="
        + kind
        + ", metadata="
        + metadata
        + ", items="
        + items
        + "}";
  }
}
