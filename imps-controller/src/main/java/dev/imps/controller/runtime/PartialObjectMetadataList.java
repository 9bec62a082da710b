package dev.imps.controller.runtime;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;

/** A list of {@link PartialObjectMetadata} ({@code meta.k8s.io/v1 PartialObjectMetadataList}). */
public final class PartialObjectMetadataList implements KubernetesListObject {

  @SerializedName("apiVersion")
  private String apiVersion;

  @SerializedName("kind")
  private String kind;

  @SerializedName("metadata")
  private V1ListMeta metadata;

  @SerializedName("items")
  private List<PartialObjectMetadata> items;

  /** Creates an empty list; Gson calls this. */
  public PartialObjectMetadataList() {}

  /** Creates a list from decoded parts (see {@code ListerWatchers#decodeTransformed}). */
  PartialObjectMetadataList(V1ListMeta metadata, List<PartialObjectMetadata> items) {
    this.apiVersion = "meta.k8s.io/v1";
    this.kind = "PartialObjectMetadataList";
    this.metadata = metadata;
    this.items = items;
  }

  @Override
  public V1ListMeta getMetadata() {
    return metadata;
  }

  @Override
  public List<PartialObjectMetadata> getItems() {
    return items == null ? List.of() : items;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }
}
