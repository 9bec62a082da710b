package dev.imps.controller.runtime;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;
import java.util.Objects;

/**
 * An object's metadata without its spec or status ({@code meta.k8s.io/v1 PartialObjectMetadata}),
 * as the API server sends it when asked with {@code Accept:
 * application/json;as=PartialObjectMetadata}. client-java 25 has no model for it.
 */
public final class PartialObjectMetadata implements KubernetesObject {

  private static final String API_VERSION = "meta.k8s.io/v1";
  private static final String KIND = "PartialObjectMetadata";

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
    object.apiVersion = API_VERSION;
    object.kind = KIND;
    object.metadata = metadata;
    return object;
  }

  // The compact form the informer's transform leaves (see CacheTransforms#POD_METADATA): four
  // fields instead of a V1ObjectMeta, which is three times the size. Not serialized.
  private transient String compactNamespace;
  private transient String compactName;
  private transient Map<String, String> compactLabels;
  private transient Map<String, String> compactAnnotations;

  /**
   * Keeps only namespace, name, labels and annotations, in place; {@link #getMetadata()} then
   * returns a new {@link V1ObjectMeta} holding just those on every call.
   *
   * @param namespace the namespace
   * @param name the name, not {@code null}
   * @param labels the labels, or {@code null}
   * @param annotations the annotations, or {@code null}
   */
  void compactTo(
      String namespace, String name, Map<String, String> labels, Map<String, String> annotations) {
    this.compactNamespace = namespace;
    this.compactName = Objects.requireNonNull(name, "name");
    this.compactLabels = labels;
    this.compactAnnotations = annotations;
    // The constants, not the two strings decoded for every item of a list.
    this.apiVersion = API_VERSION;
    this.kind = KIND;
    this.metadata = null;
  }

  /**
   * Tells whether {@link #compactTo} has run, so the transform need not run again.
   *
   * @return true in the compact form
   */
  boolean isCompact() {
    return metadata == null && compactName != null;
  }

  @Override
  public V1ObjectMeta getMetadata() {
    if (!isCompact()) {
      return metadata;
    }
    return new V1ObjectMeta()
        .namespace(compactNamespace)
        .name(compactName)
        .labels(compactLabels)
        .annotations(compactAnnotations)
        .managedFields(null)
        .finalizers(null)
        .ownerReferences(null);
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
