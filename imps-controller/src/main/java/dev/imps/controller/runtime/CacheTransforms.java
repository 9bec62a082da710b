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
import java.util.WeakHashMap;

/**
 * What the informers strip from objects before caching them, so the operator's memory grows with
 * what it uses and not with what the cluster holds: {@code managedFields} everywhere, everything
 * but identity, labels and annotations of pods, namespace specs, service-account token references,
 * and the data of secrets that imps only needs to know exist.
 */
final class CacheTransforms {

  /** Label and annotation maps in use, for {@link #shared(Map)}. Guarded by itself. */
  private static final Map<Map<String, String>, WeakReference<Map<String, String>>> SHARED_MAPS =
      new WeakHashMap<>();

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

  /** Keeps a namespace's metadata (without managed fields) and phase. */
  static final TransformFunc NAMESPACE =
      object -> {
        if (object instanceof V1Namespace namespace) {
          stripMetadata(namespace.getMetadata());
          namespace.setSpec(null);
          if (namespace.getStatus() != null) {
            namespace.setStatus(new V1NamespaceStatus().phase(namespace.getStatus().getPhase()));
          }
        }
        return object;
      };

  /** Keeps a secret whole except for its managed fields (sources and copies need their data). */
  static final TransformFunc SECRET =
      object -> {
        if (object instanceof V1Secret secret) {
          stripMetadata(secret.getMetadata());
        }
        return object;
      };

  /** Keeps a secret's metadata and type but not its data: for secrets imps must not touch. */
  static final TransformFunc SECRET_WITHOUT_DATA =
      object -> {
        if (object instanceof V1Secret secret) {
          stripMetadata(secret.getMetadata());
          secret.setData(null);
          secret.setStringData(null);
        }
        return object;
      };

  /** Keeps a service account's metadata and image pull secrets. */
  static final TransformFunc SERVICE_ACCOUNT =
      object -> {
        if (object instanceof V1ServiceAccount account) {
          stripMetadata(account.getMetadata());
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
    return shared(Map.ofEntries(entries));
  }

  /**
   * Returns the one instance of an equal map that is still in use, so that pods of one workload,
   * which carry the same labels, share one map. Weak: a map no pod uses any more is collected.
   */
  private static Map<String, String> shared(Map<String, String> map) {
    if (map.isEmpty()) {
      return map;
    }
    synchronized (SHARED_MAPS) {
      WeakReference<Map<String, String>> known = SHARED_MAPS.get(map);
      Map<String, String> existing = known == null ? null : known.get();
      if (existing != null) {
        return existing;
      }
      SHARED_MAPS.put(map, new WeakReference<>(map));
      return map;
    }
  }

  private static String intern(String value) {
    return value == null ? null : value.intern();
  }

  /**
   * Drops managed fields, and replaces the empty collections client-java's models start with (an
   * empty HashMap or ArrayList for every absent field) by the shared immutable empty ones.
   */
  private static void stripMetadata(V1ObjectMeta metadata) {
    if (metadata != null) {
      metadata.setManagedFields(null);
      if (metadata.getLabels() != null && metadata.getLabels().isEmpty()) {
        metadata.setLabels(Map.of());
      }
      if (metadata.getAnnotations() != null && metadata.getAnnotations().isEmpty()) {
        metadata.setAnnotations(Map.of());
      }
      if (metadata.getFinalizers() != null && metadata.getFinalizers().isEmpty()) {
        metadata.setFinalizers(List.of());
      }
      if (metadata.getOwnerReferences() != null && metadata.getOwnerReferences().isEmpty()) {
        metadata.setOwnerReferences(List.of());
      }
    }
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
