package dev.imps.controller.runtime;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * An object's metadata without its spec or status ({@code meta.k8s.io/v1 PartialObjectMetadata}),
 * as the API server sends it when asked with {@code Accept:
 * application/json;as=PartialObjectMetadata}. client-java 25 has no model for it.
 */
public final class PartialObjectMetadata implements KubernetesObject {

  @SerializedName("apiVersion")
  private String apiVersion;

  @SerializedName("kind")
  private String kind;

  @SerializedName("metadata")
  private V1ObjectMeta metadata;

  /** Creates an empty object; Gson calls this. */
  public PartialObjectMetadata() {}

  /**
   * Creates an object with the given metadata.
   *
   * @param metadata the metadata
   * @return the object
   */
  public static PartialObjectMetadata of(V1ObjectMeta metadata) {
    PartialObjectMetadata object = new PartialObjectMetadata();
    object.apiVersion = "meta.k8s.io/v1";
    object.kind = "PartialObjectMetadata";
    object.metadata = metadata;
    return object;
  }

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
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
