package dev.imps.controller.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * What the informers strip from objects before caching them, so the operator's memory grows with
 * what it uses and not with what the cluster holds: {@code managedFields} everywhere, everything
 * but identity, labels and annotations of pods, namespace specs, service-account token references,
 * and the data of secrets that imps only needs to know exist. What repeats across objects is kept
 * once: strings of names, labels and annotations are interned, and equal label and annotation maps,
 * owner references and secret data (every copy of one ImagePullSecret holds the same) are shared.
 */
final class CacheTransforms {

  /** Immutable values in use, for {@link #shared}. Guarded by itself. */
  private static final Map<Object, WeakReference<Object>> SHARED = new WeakHashMap<>();

  private CacheTransforms() {}

  /**
   * Keeps a pod's namespace, name, labels and annotations, in place: the informer's start-up LIST
   * stays referenced by client-java's reflector while it watches, so a transform that built a new
   * object would keep every pod twice. Strings that repeat across pods (namespace, label and
   * annotation keys and values) are interned and the maps made compact.
   */
  static final TransformFunc POD_METADATA =
      object -> {
        if (!(object instanceof PartialObjectMetadata pod)
            || pod.isCompact()
            || pod.getMetadata() == null) {
          // Listed pods were compacted while decoded; the informer hands them in again.
          return object;
        }
        V1ObjectMeta full = pod.getMetadata();
        if (full.getName() == null) {
          return object;
        }
        pod.compactTo(
            intern(full.getNamespace()),
            full.getName(),
            compact(full.getLabels()),
            compact(full.getAnnotations()));
        return pod;
      };

  /** Keeps a namespace's metadata (without managed fields and creation time) and phase. */
  static final TransformFunc NAMESPACE =
      object -> {
        if (object instanceof V1Namespace namespace) {
          compactMetadata(namespace.getMetadata());
          if (namespace.getMetadata() != null) {
            // Four java.time objects per namespace that nothing reads.
            namespace.getMetadata().setCreationTimestamp(null);
          }
          namespace.setSpec(null);
          if (namespace.getStatus() != null) {
            namespace.setStatus(new V1NamespaceStatus().phase(namespace.getStatus().getPhase()));
          }
        }
        return object;
      };

  /**
   * Keeps a secret whole except for its managed fields (sources and copies need their data); equal
   * data, as every copy of one ImagePullSecret holds, is kept once.
   */
  static final TransformFunc SECRET =
      object -> {
        if (object instanceof V1Secret secret) {
          compactMetadata(secret.getMetadata());
          secret.setType(intern(secret.getType()));
          if (secret.getData() != null) {
            secret.setData(shared(SecretData.of(secret.getData())));
          }
        }
        return object;
      };

  /** Keeps a secret's metadata and type but not its data: for secrets imps must not touch. */
  static final TransformFunc SECRET_WITHOUT_DATA =
      object -> {
        if (object instanceof V1Secret secret) {
          compactMetadata(secret.getMetadata());
          secret.setType(intern(secret.getType()));
          secret.setData(null);
          secret.setStringData(null);
        }
        return object;
      };

  /** Keeps a service account's metadata and image pull secrets. */
  static final TransformFunc SERVICE_ACCOUNT =
      object -> {
        if (object instanceof V1ServiceAccount account) {
          compactMetadata(account.getMetadata());
          account.setSecrets(null);
        }
        return object;
      };

  /**
   * Returns an immutable copy of a label or annotation map with interned keys and values (the
   * array-based map of {@link Map#copyOf}, which {@code PodView} then reuses as is); entries with a
   * {@code null} key or value are dropped, {@code null} stays {@code null}.
   */
  static Map<String, String> compact(Map<String, String> map) {
    if (map == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map.Entry<String, String>[] entries =
        map.entrySet().stream()
            .filter(e -> e.getKey() != null && e.getValue() != null)
            .map(e -> Map.entry(intern(e.getKey()), intern(e.getValue())))
            .toArray(Map.Entry[]::new);
    Map<String, String> compact = Map.ofEntries(entries);
    return compact.isEmpty() ? compact : shared(compact);
  }

  /**
   * Returns the one instance of an equal immutable value that is still in use, so that pods of one
   * workload, which carry the same labels, or the copies of one ImagePullSecret, which carry the
   * same labels, owner reference and data, share one. Weak: a value nothing uses any more is
   * collected.
   */
  @SuppressWarnings("unchecked")
  private static <T> T shared(T value) {
    synchronized (SHARED) {
      WeakReference<Object> known = SHARED.get(value);
      Object existing = known == null ? null : known.get();
      if (existing != null) {
        return (T) existing;
      }
      SHARED.put(value, new WeakReference<>(value));
      return value;
    }
  }

  private static String intern(String value) {
    return value == null ? null : value.intern();
  }

  /**
   * Drops managed fields; interns namespace and name; replaces labels and annotations by compact
   * shared maps ({@link #compact}), owner references and finalizers by shared immutable lists, and
   * the empty collections client-java's models start with (an empty HashMap or ArrayList for every
   * absent field) by the shared immutable empty ones.
   */
  private static void compactMetadata(V1ObjectMeta metadata) {
    if (metadata != null) {
      metadata.setManagedFields(null);
      metadata.setNamespace(intern(metadata.getNamespace()));
      metadata.setName(intern(metadata.getName()));
      metadata.setLabels(compact(metadata.getLabels()));
      metadata.setAnnotations(compact(metadata.getAnnotations()));
      metadata.setFinalizers(sharedList(metadata.getFinalizers()));
      metadata.setOwnerReferences(sharedList(metadata.getOwnerReferences()));
    }
  }

  private static <T> List<T> sharedList(List<T> list) {
    if (list == null) {
      return null;
    }
    List<T> copy = list.stream().filter(Objects::nonNull).toList();
    return copy.isEmpty() ? copy : shared(copy);
  }

  /**
   * Returns whether an object is one the informers cache (not a deletion tombstone).
   *
   * @param object an object from an informer
   * @return true for a real object with metadata
   */
  static boolean hasMetadata(KubernetesObject object) {
    return object != null && object.getMetadata() != null;
  }
}
