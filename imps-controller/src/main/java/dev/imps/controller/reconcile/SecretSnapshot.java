package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Secret as an informer cache holds it: identity, metadata the reconciler compares, and data.
 *
 * <p>Immutable: the data arrays are copied in and out. {@link #toString()} names the keys of the
 * data but never a value, so a snapshot may be logged.
 */
public final class SecretSnapshot {

  private final SecretRef ref;
  private final String uid;
  private final String resourceVersion;
  private final String type;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final Map<String, byte[]> data;
  private final Instant creationTimestamp;
  private final List<OwnerRef> ownerReferences;

  private SecretSnapshot(Builder builder) {
    this.ref = new SecretRef(builder.namespace, builder.name);
    this.uid = builder.uid;
    this.resourceVersion = builder.resourceVersion;
    this.type = builder.type;
    this.labels = Map.copyOf(builder.labels);
    this.annotations = Map.copyOf(builder.annotations);
    TreeMap<String, byte[]> copy = new TreeMap<>();
    builder.data.forEach((key, value) -> copy.put(key, value.clone()));
    this.data = copy;
    this.creationTimestamp = builder.creationTimestamp;
    this.ownerReferences = List.copyOf(builder.ownerReferences);
  }

  /**
   * Starts a snapshot of the secret {@code namespace/name}.
   *
   * @param namespace the namespace
   * @param name the secret name
   * @return a builder with empty metadata, type {@code Opaque} and no data
   * @throws NullPointerException if an argument is {@code null}
   */
  public static Builder builder(String namespace, String name) {
    return new Builder(namespace, name);
  }

  /**
   * Returns the namespace and name.
   *
   * @return the reference
   */
  public SecretRef ref() {
    return ref;
  }

  /**
   * Returns the namespace.
   *
   * @return the namespace
   */
  public String namespace() {
    return ref.namespace();
  }

  /**
   * Returns the name.
   *
   * @return the secret name
   */
  public String name() {
    return ref.name();
  }

  /**
   * Returns {@code metadata.uid}, used as a delete precondition.
   *
   * @return the uid, {@code ""} if unknown
   */
  public String uid() {
    return uid;
  }

  /**
   * Returns {@code metadata.resourceVersion}, used as an update precondition.
   *
   * @return the resource version, {@code ""} if unknown
   */
  public String resourceVersion() {
    return resourceVersion;
  }

  /**
   * Returns the secret type, e.g. {@code kubernetes.io/dockerconfigjson}.
   *
   * @return the type; {@code Opaque} when the object has none
   */
  public String type() {
    return type;
  }

  /**
   * Returns the labels.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> labels() {
    return labels;
  }

  /**
   * Returns the annotations.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> annotations() {
    return annotations;
  }

  /**
   * Returns the data keys and a copy of their values.
   *
   * @return a new map sorted by key, with copies of the values
   */
  public Map<String, byte[]> data() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    data.forEach((key, value) -> copy.put(key, value.clone()));
    return copy;
  }

  /**
   * Returns one data value.
   *
   * @param key the data key
   * @return a copy of the value, or empty if the key is absent
   */
  public Optional<byte[]> dataValue(String key) {
    byte[] value = data.get(key);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  /**
   * Tells whether the data equals the given data, byte for byte, key for key.
   *
   * @param other the data to compare with
   * @return {@code true} if both have the same keys with the same bytes
   */
  public boolean hasData(Map<String, byte[]> other) {
    if (other.size() != data.size()) {
      return false;
    }
    for (Map.Entry<String, byte[]> entry : other.entrySet()) {
      byte[] mine = data.get(entry.getKey());
      if (mine == null || !Arrays.equals(mine, entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code metadata.creationTimestamp}.
   *
   * @return the creation time, or empty if unknown
   */
  public Optional<Instant> creationTimestamp() {
    return Optional.ofNullable(creationTimestamp);
  }

  /**
   * Returns {@code metadata.ownerReferences}.
   *
   * @return an unmodifiable list
   */
  public List<OwnerRef> ownerReferences() {
    return ownerReferences;
  }

  /**
   * Returns the value of the imps owner label ({@value ApiConstants#OWNER_UID_LABEL}).
   *
   * @return the owner uid, or empty if the secret does not carry the label
   */
  public Optional<String> ownerUid() {
    return Optional.ofNullable(labels.get(ApiConstants.OWNER_UID_LABEL));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretSnapshot that
        && ref.equals(that.ref)
        && uid.equals(that.uid)
        && resourceVersion.equals(that.resourceVersion)
        && type.equals(that.type)
        && labels.equals(that.labels)
        && annotations.equals(that.annotations)
        && hasData(that.data)
        && Objects.equals(creationTimestamp, that.creationTimestamp)
        && ownerReferences.equals(that.ownerReferences);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ref, uid, resourceVersion, type, labels, annotations, data.keySet());
  }

  /** Names the secret, its type, labels and data keys; never a data value. */
  @Override
  public String toString() {
    return "Secret{"
        + ref
        + ", type="
        + type
        + ", labels="
        + labels
        + ", dataKeys="
        + data.keySet()
        + "}";
  }

  /** Collects the parts of a {@link SecretSnapshot}. Not thread-safe. */
  public static final class Builder {
    private final String namespace;
    private final String name;
    private String uid = "";
    private String resourceVersion = "";
    private String type = "Opaque";
    private Map<String, String> labels = Map.of();
    private Map<String, String> annotations = Map.of();
    private Map<String, byte[]> data = Map.of();
    private Instant creationTimestamp;
    private List<OwnerRef> ownerReferences = List.of();

    private Builder(String namespace, String name) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets {@code metadata.uid}.
     *
     * @param uid the uid; {@code null} means unknown
     * @return this builder
     */
    public Builder uid(String uid) {
      this.uid = uid == null ? "" : uid;
      return this;
    }

    /**
     * Sets {@code metadata.resourceVersion}.
     *
     * @param resourceVersion the resource version; {@code null} means unknown
     * @return this builder
     */
    public Builder resourceVersion(String resourceVersion) {
      this.resourceVersion = resourceVersion == null ? "" : resourceVersion;
      return this;
    }

    /**
     * Sets the type.
     *
     * @param type the secret type; {@code null} or empty means {@code Opaque}
     * @return this builder
     */
    public Builder type(String type) {
      this.type = type == null || type.isEmpty() ? "Opaque" : type;
      return this;
    }

    /**
     * Sets the labels.
     *
     * @param labels the labels; {@code null} means none
     * @return this builder
     */
    public Builder labels(Map<String, String> labels) {
      this.labels = labels == null ? Map.of() : labels;
      return this;
    }

    /**
     * Sets the annotations.
     *
     * @param annotations the annotations; {@code null} means none
     * @return this builder
     */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = annotations == null ? Map.of() : annotations;
      return this;
    }

    /**
     * Sets the data; the values are copied when the snapshot is built.
     *
     * @param data the data; {@code null} means none
     * @return this builder
     */
    public Builder data(Map<String, byte[]> data) {
      this.data = data == null ? Map.of() : data;
      return this;
    }

    /**
     * Sets {@code metadata.creationTimestamp}.
     *
     * @param creationTimestamp the creation time; {@code null} means unknown
     * @return this builder
     */
    public Builder creationTimestamp(Instant creationTimestamp) {
      this.creationTimestamp = creationTimestamp;
      return this;
    }

    /**
     * Sets {@code metadata.ownerReferences}.
     *
     * @param ownerReferences the owners; {@code null} means none
     * @return this builder
     */
    public Builder ownerReferences(List<OwnerRef> ownerReferences) {
      this.ownerReferences = ownerReferences == null ? List.of() : ownerReferences;
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the immutable snapshot
     * @throws NullPointerException if a label, annotation or data entry is {@code null}
     */
    public SecretSnapshot build() {
      return new SecretSnapshot(this);
    }
  }
}
