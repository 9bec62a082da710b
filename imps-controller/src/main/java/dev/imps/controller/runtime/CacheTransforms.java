package dev.imps.controller.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;

/**
 * What the informers strip from objects before caching them, so the operator's memory grows with
 * what it uses and not with what the cluster holds: {@code managedFields} everywhere, everything
 * but identity, labels and annotations of pods, namespace specs, service-account token references,
 * and the data of secrets that imps only needs to know exist.
 */
final class CacheTransforms {

  private CacheTransforms() {}

  /** Keeps a pod's namespace, name, uid, resourceVersion, labels and annotations. */
  static final TransformFunc POD_METADATA =
      object -> {
        if (!(object instanceof PartialObjectMetadata pod) || pod.getMetadata() == null) {
          return object;
        }
        V1ObjectMeta full = pod.getMetadata();
        return PartialObjectMetadata.of(
            new V1ObjectMeta()
                .namespace(full.getNamespace())
                .name(full.getName())
                .uid(full.getUid())
                .resourceVersion(full.getResourceVersion())
                .labels(full.getLabels())
                .annotations(full.getAnnotations())
                .managedFields(null)
                .finalizers(null)
                .ownerReferences(null));
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

  private static void stripMetadata(V1ObjectMeta metadata) {
    if (metadata != null) {
      metadata.setManagedFields(null);
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
