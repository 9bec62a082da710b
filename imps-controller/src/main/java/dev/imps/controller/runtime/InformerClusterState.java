package dev.imps.controller.runtime;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.controller.reconcile.ClusterState;
import dev.imps.controller.reconcile.NamespaceSnapshot;
import dev.imps.controller.reconcile.ReconcileConstants;
import dev.imps.controller.reconcile.SecretSnapshot;
import dev.imps.controller.reconcile.ServiceAccountSnapshot;
import dev.imps.selector.PodView;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.List;
import java.util.Optional;

/**
 * The reconciler's view of the cluster, served from {@link ClusterCaches}: no call lists anything.
 *
 * <p>The one read that may reach the API server is {@link #secret(String, String)} for a secret no
 * synced cache covers (a source or target name seen for the first time, before its watch has
 * listed): a single GET. Thread-safe.
 */
final class InformerClusterState implements ClusterState {

  private final ClusterCaches caches;
  private final CoreV1Api core;

  InformerClusterState(ClusterCaches caches, CoreV1Api core) {
    this.caches = caches;
    this.core = core;
  }

  @Override
  public Optional<ImagePullSecret> imagePullSecret(String name) {
    return Optional.ofNullable(caches.imagePullSecrets.getIndexer().getByKey(name));
  }

  @Override
  public List<ImagePullSecret> imagePullSecrets() {
    return List.copyOf(caches.imagePullSecrets.getIndexer().list());
  }

  @Override
  public List<NamespaceSnapshot> namespaces() {
    return caches.namespaces.getIndexer().list().stream().map(Snapshots::namespace).toList();
  }

  @Override
  public Optional<NamespaceSnapshot> namespace(String name) {
    V1Namespace namespace = caches.namespaces.getIndexer().getByKey(name);
    return Optional.ofNullable(namespace).map(Snapshots::namespace);
  }

  @Override
  public List<PodView> pods(String namespace) {
    return caches.pods.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream()
        .map(Snapshots::pod)
        .toList();
  }

  @Override
  public Optional<SecretSnapshot> secret(String namespace, String name) {
    V1Secret copy = caches.copies.getIndexer().getByKey(namespace + "/" + name);
    if (copy != null) {
      return Optional.of(Snapshots.secret(copy));
    }
    Optional<Optional<V1Secret>> cached = caches.referenced.lookup(namespace, name);
    if (cached.isPresent()) {
      return cached.get().map(Snapshots::secret);
    }
    return read(namespace, name).map(Snapshots::secret);
  }

  @Override
  public List<SecretSnapshot> copiesOwnedBy(String ownerUid) {
    return caches.copies.getIndexer().byIndex(ClusterCaches.BY_OWNER, ownerUid).stream()
        .map(Snapshots::secret)
        .toList();
  }

  @Override
  public List<SecretSnapshot> copiesOwnedBy(String ownerUid, String namespace) {
    return caches.copies.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream()
        .filter(copy -> ownerUid.equals(ClusterCaches.ownerUid(copy)))
        .map(Snapshots::secret)
        .toList();
  }

  @Override
  public List<SecretSnapshot> allCopies() {
    return caches.copies.getIndexer().list().stream().map(Snapshots::secret).toList();
  }

  @Override
  public Optional<ServiceAccountSnapshot> serviceAccount(String namespace, String name) {
    if (caches.serviceAccounts == null) {
      return Optional.empty();
    }
    V1ServiceAccount account = caches.serviceAccounts.getIndexer().getByKey(namespace + "/" + name);
    return Optional.ofNullable(account).map(Snapshots::serviceAccount);
  }

  @Override
  public List<ServiceAccountSnapshot> serviceAccountsPatchedByImps() {
    if (caches.serviceAccounts == null) {
      return List.of();
    }
    return caches
        .serviceAccounts
        .getIndexer()
        .byIndex(ClusterCaches.BY_PATCHED, ClusterCaches.PATCHED)
        .stream()
        .map(Snapshots::serviceAccount)
        .toList();
  }

  @Override
  public List<ServiceAccountSnapshot> serviceAccountsPatchedByImps(String namespace) {
    if (caches.serviceAccounts == null) {
      return List.of();
    }
    return caches.serviceAccounts.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream()
        .map(Snapshots::serviceAccount)
        .filter(
            a ->
                !a.annotations()
                    .getOrDefault(ReconcileConstants.ADDED_PULL_SECRETS_ANNOTATION, "")
                    .isEmpty())
        .toList();
  }

  private Optional<V1Secret> read(String namespace, String name) {
    try {
      return Optional.of(core.readNamespacedSecret(name, namespace).execute());
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw new ClusterReadException(
          "cannot read secret " + namespace + "/" + name + ": " + ApiErrors.describe(e), e);
    }
  }
}
