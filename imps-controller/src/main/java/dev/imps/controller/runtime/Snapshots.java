package dev.imps.controller.runtime;

import dev.imps.controller.reconcile.NamespaceSnapshot;
import dev.imps.controller.reconcile.OwnerRef;
import dev.imps.controller.reconcile.SecretSnapshot;
import dev.imps.controller.reconcile.ServiceAccountSnapshot;
import dev.imps.selector.PodView;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.List;
import java.util.Objects;

/** Converts cached client-java objects to the reconciler's immutable snapshots. */
final class Snapshots {

  /** The phase of a namespace being deleted. */
  static final String TERMINATING = "Terminating";

  private Snapshots() {}

  static SecretSnapshot secret(V1Secret secret) {
    V1ObjectMeta metadata = secret.getMetadata();
    return SecretSnapshot.builder(metadata.getNamespace(), metadata.getName())
        .uid(metadata.getUid())
        .resourceVersion(metadata.getResourceVersion())
        .type(secret.getType())
        .labels(metadata.getLabels())
        .annotations(metadata.getAnnotations())
        .data(secret.getData())
        .creationTimestamp(
            metadata.getCreationTimestamp() == null
                ? null
                : metadata.getCreationTimestamp().toInstant())
        .ownerReferences(ownerReferences(metadata.getOwnerReferences()))
        .build();
  }

  static NamespaceSnapshot namespace(V1Namespace namespace) {
    V1ObjectMeta metadata = namespace.getMetadata();
    return new NamespaceSnapshot(
        metadata.getName(),
        metadata.getUid(),
        metadata.getLabels(),
        metadata.getAnnotations(),
        isTerminating(namespace));
  }

  static boolean isTerminating(V1Namespace namespace) {
    return namespace.getMetadata().getDeletionTimestamp() != null
        || (namespace.getStatus() != null && TERMINATING.equals(namespace.getStatus().getPhase()));
  }

  static PodView pod(PartialObjectMetadata pod) {
    V1ObjectMeta metadata = pod.getMetadata();
    return new PodView(metadata.getName(), metadata.getLabels(), metadata.getAnnotations());
  }

  static ServiceAccountSnapshot serviceAccount(V1ServiceAccount account) {
    V1ObjectMeta metadata = account.getMetadata();
    List<String> pullSecrets =
        account.getImagePullSecrets() == null
            ? List.of()
            : account.getImagePullSecrets().stream()
                .map(V1LocalObjectReference::getName)
                .filter(Objects::nonNull)
                .toList();
    return new ServiceAccountSnapshot(
        metadata.getNamespace(),
        metadata.getName(),
        metadata.getResourceVersion(),
        pullSecrets,
        metadata.getAnnotations());
  }

  private static List<OwnerRef> ownerReferences(List<V1OwnerReference> references) {
    if (references == null) {
      return List.of();
    }
    return references.stream()
        .map(r -> new OwnerRef(r.getApiVersion(), r.getKind(), r.getName(), r.getUid()))
        .toList();
  }
}
