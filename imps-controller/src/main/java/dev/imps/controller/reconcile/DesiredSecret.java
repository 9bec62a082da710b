package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The copy of the pull secret that one namespace should hold: name, type, labels (the spec's plus
 * the owner label), annotations, data and the owner reference to the {@code ImagePullSecret}.
 *
 * <p>Two modes. An <em>owned</em> copy ({@link #of}) is imps's object: its labels, annotations and
 * owner reference are imps's to set. An <em>unowned</em> target ({@link #unowned}, the refresher's
 * secret) belongs to someone else: imps keeps only its type and data, so its labels, annotations
 * and owner references are neither compared, rendered nor patched.
 *
 * <p>It knows how it differs from an existing secret ({@link #differencesFrom}) and renders the
 * request bodies the runtime sends as plain maps ({@link #manifest()}, {@link #patchOver}), because
 * serialising a client-java {@code V1Secret} writes empty collections that a merge patch would
 * apply. Immutable; {@link #toString()} never shows data values.
 */
public final class DesiredSecret {

  private final SecretRef ref;
  private final String type;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final Map<String, byte[]> data;

  /** The owning {@code ImagePullSecret}; {@code null} for an unowned target. */
  private final OwnerRef owner;

  private DesiredSecret(
      SecretRef ref,
      String type,
      Map<String, String> labels,
      Map<String, String> annotations,
      Map<String, byte[]> data,
      OwnerRef owner) {
    this.ref = ref;
    this.type = type;
    this.labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    this.annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    TreeMap<String, byte[]> copy = new TreeMap<>();
    data.forEach((key, value) -> copy.put(key, value.clone()));
    this.data = copy;
    this.owner = owner;
  }

  /**
   * Creates the desired copy. The owner label {@value ApiConstants#OWNER_UID_LABEL} is set to the
   * owner's uid, whatever {@code labels} says.
   *
   * @param ref namespace and name of the copy
   * @param type the secret type, normally {@value ReconcileConstants#DOCKER_CONFIG_JSON_TYPE}
   * @param labels extra labels from the spec; {@code null} means none
   * @param annotations extra annotations from the spec; {@code null} means none
   * @param data the rendered data; copied
   * @param owner the {@code ImagePullSecret} that owns the copy
   * @return the desired copy
   * @throws NullPointerException if {@code ref}, {@code type}, {@code data} or {@code owner} is
   *     {@code null}
   */
  public static DesiredSecret of(
      SecretRef ref,
      String type,
      Map<String, String> labels,
      Map<String, String> annotations,
      Map<String, byte[]> data,
      OwnerRef owner) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(owner, "owner");
    Map<String, String> allLabels = new TreeMap<>(labels == null ? Map.of() : labels);
    allLabels.put(ApiConstants.OWNER_UID_LABEL, owner.uid());
    return new DesiredSecret(
        ref, type, allLabels, annotations == null ? Map.of() : annotations, data, owner);
  }

  /**
   * Creates an unowned target: a secret imps keeps the type and data of, but does not own. It gets
   * no owner label and no owner reference, and its labels and annotations stay whatever they are.
   *
   * @param ref namespace and name of the target
   * @param type the secret type, normally {@value ReconcileConstants#DOCKER_CONFIG_JSON_TYPE}
   * @param data the rendered data; copied
   * @return the desired target
   * @throws NullPointerException if {@code ref}, {@code type} or {@code data} is {@code null}
   */
  public static DesiredSecret unowned(SecretRef ref, String type, Map<String, byte[]> data) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    return new DesiredSecret(ref, type, Map.of(), Map.of(), data, null);
  }

  /**
   * Returns namespace and name.
   *
   * @return the reference
   */
  public SecretRef ref() {
    return ref;
  }

  /**
   * Returns the type.
   *
   * @return the secret type
   */
  public String type() {
    return type;
  }

  /**
   * Returns all labels, the owner label included; none for an unowned target.
   *
   * @return an unmodifiable sorted map
   */
  public Map<String, String> labels() {
    return labels;
  }

  /**
   * Returns the annotations; none for an unowned target.
   *
   * @return an unmodifiable sorted map
   */
  public Map<String, String> annotations() {
    return annotations;
  }

  /**
   * Returns a copy of the data.
   *
   * @return a new map sorted by key, with copies of the values
   */
  public Map<String, byte[]> data() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    data.forEach((key, value) -> copy.put(key, value.clone()));
    return copy;
  }

  /**
   * Returns the owner.
   *
   * @return the owning {@code ImagePullSecret}, or empty for an unowned target
   */
  public Optional<OwnerRef> owner() {
    return Optional.ofNullable(owner);
  }

  /**
   * Tells whether imps owns this secret, so that its labels, annotations and owner reference are
   * imps's to set.
   *
   * @return {@code false} for a target made by {@link #unowned}
   */
  public boolean isOwned() {
    return owner != null;
  }

  /**
   * Lists how an existing secret differs from this one. Labels, annotations and data are compared
   * exactly: the copy is imps's object, so a key someone else added is drift too. Owner references
   * to other kinds of owners are left alone. An unowned target is compared by type and data only.
   *
   * @param current the secret as the cache holds it
   * @return the fields that differ; empty if the secret is already right
   */
  public Set<SecretField> differencesFrom(SecretSnapshot current) {
    Set<SecretField> differences = EnumSet.noneOf(SecretField.class);
    if (!type.equals(current.type())) {
      differences.add(SecretField.TYPE);
    }
    if (!current.hasData(data)) {
      differences.add(SecretField.DATA);
    }
    if (!isOwned()) {
      return differences;
    }
    if (!labels.equals(current.labels())) {
      differences.add(SecretField.LABELS);
    }
    if (!annotations.equals(current.annotations())) {
      differences.add(SecretField.ANNOTATIONS);
    }
    if (!ownerReferencesOver(current).equals(current.ownerReferences())) {
      differences.add(SecretField.OWNER_REFERENCE);
    }
    return differences;
  }

  /**
   * Renders the full object for a create request.
   *
   * @return {@code {apiVersion, kind, metadata, type, data}} with base64 data values; an unowned
   *     target's metadata holds only its name and namespace
   */
  public Map<String, Object> manifest() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", ref.name());
    metadata.put("namespace", ref.namespace());
    if (!labels.isEmpty()) {
      metadata.put("labels", new LinkedHashMap<>(labels));
    }
    if (!annotations.isEmpty()) {
      metadata.put("annotations", new LinkedHashMap<>(annotations));
    }
    if (isOwned()) {
      metadata.put("ownerReferences", List.of(ownerReferenceBody(owner)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", "v1");
    body.put("kind", "Secret");
    body.put("metadata", metadata);
    body.put("type", type);
    body.put("data", encoded(data));
    return Collections.unmodifiableMap(body);
  }

  /**
   * Renders the JSON merge patch that turns {@code current} into this secret (all but the type,
   * which cannot change). Keys to remove are set to {@code null}; {@code metadata.resourceVersion}
   * makes the API server refuse the patch with 409 if the secret changed since the cache saw it. An
   * unowned target's patch touches only its data.
   *
   * @param current the secret as the cache holds it
   * @return the patch, with only the differing parts
   */
  public SecretPatch patchOver(SecretSnapshot current) {
    Set<SecretField> differences = differencesFrom(current);
    differences.remove(SecretField.TYPE);
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (!current.resourceVersion().isEmpty()) {
      metadata.put("resourceVersion", current.resourceVersion());
    }
    if (differences.contains(SecretField.LABELS)) {
      metadata.put("labels", mapPatch(current.labels(), labels));
    }
    if (differences.contains(SecretField.ANNOTATIONS)) {
      metadata.put("annotations", mapPatch(current.annotations(), annotations));
    }
    if (differences.contains(SecretField.OWNER_REFERENCE)) {
      List<Object> references = new ArrayList<>();
      for (OwnerRef reference : ownerReferencesOver(current)) {
        references.add(ownerReferenceBody(reference));
      }
      metadata.put("ownerReferences", references);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("metadata", metadata);
    if (differences.contains(SecretField.DATA)) {
      Map<String, Object> dataPatch = new LinkedHashMap<>(encoded(data));
      for (String key : current.data().keySet()) {
        dataPatch.putIfAbsent(key, null);
      }
      body.put("data", dataPatch);
    }
    return new SecretPatch(ref, Collections.unmodifiableMap(body), differences);
  }

  /** The owner references the copy should have: the current ones of other kinds, then ours. */
  private List<OwnerRef> ownerReferencesOver(SecretSnapshot current) {
    List<OwnerRef> references = new ArrayList<>();
    for (OwnerRef reference : current.ownerReferences()) {
      boolean impsOwner =
          reference.kind().equals(ApiConstants.KIND)
              && reference.apiVersion().startsWith(ApiConstants.GROUP + "/");
      if (!impsOwner) {
        references.add(reference);
      }
    }
    references.add(owner);
    return references;
  }

  private static Map<String, Object> mapPatch(
      Map<String, String> current, Map<String, String> desired) {
    Map<String, Object> patch = new LinkedHashMap<>();
    desired.forEach(
        (key, value) -> {
          if (!value.equals(current.get(key))) {
            patch.put(key, value);
          }
        });
    for (String key : new TreeMap<>(current).keySet()) {
      if (!desired.containsKey(key)) {
        patch.put(key, null);
      }
    }
    return patch;
  }

  private static Map<String, Object> ownerReferenceBody(OwnerRef reference) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", reference.apiVersion());
    body.put("kind", reference.kind());
    body.put("name", reference.name());
    body.put("uid", reference.uid());
    // As IMPS: not a controller reference, and no blockOwnerDeletion, which would need
    // permission to set finalizers on the ImagePullSecret.
    body.put("controller", Boolean.FALSE);
    return body;
  }

  private static Map<String, Object> encoded(Map<String, byte[]> data) {
    Map<String, Object> encoded = new LinkedHashMap<>();
    Base64.Encoder encoder = Base64.getEncoder();
    data.forEach((key, value) -> encoded.put(key, encoder.encodeToString(value)));
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DesiredSecret that)) {
      return false;
    }
    if (!ref.equals(that.ref)
        || !type.equals(that.type)
        || !labels.equals(that.labels)
        || !annotations.equals(that.annotations)
        || !Objects.equals(owner, that.owner)
        || !data.keySet().equals(that.data.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> entry : data.entrySet()) {
      if (!Arrays.equals(entry.getValue(), that.data.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ref, type, labels, annotations, owner, data.keySet());
  }

  /** Names the copy, its type, labels and data keys; never a data value. */
  @Override
  public String toString() {
    return "DesiredSecret{"
        + ref
        + (isOwned() ? "" : ", unowned")
        + ", type="
        + type
        + ", labels="
        + labels
        + ", dataKeys="
        + data.keySet()
        + "}";
  }
}
