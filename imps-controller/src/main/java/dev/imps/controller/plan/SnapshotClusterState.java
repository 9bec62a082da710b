package dev.imps.controller.plan;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.controller.reconcile.ClusterState;
import dev.imps.controller.reconcile.NamespaceSnapshot;
import dev.imps.controller.reconcile.SecretRef;
import dev.imps.controller.reconcile.SecretSnapshot;
import dev.imps.controller.reconcile.ServiceAccountSnapshot;
import dev.imps.selector.PodView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reconciler's {@link ClusterState} over a fixed set of {@link ClusterObjects}: what the plan
 * was given is the whole cluster. Every answer is complete, so the reconciler's contract ("right
 * for every copy, source and target name") holds trivially.
 *
 * <p>Immutable and thread-safe.
 */
public final class SnapshotClusterState implements ClusterState {

  private final ClusterObjects objects;

  /**
   * Creates the view.
   *
   * @param objects the objects
   */
  public SnapshotClusterState(ClusterObjects objects) {
    this.objects = Objects.requireNonNull(objects, "objects");
  }

  @Override
  public Optional<ImagePullSecret> imagePullSecret(String name) {
    return Optional.ofNullable(objects.imagePullSecrets().get(name));
  }

  @Override
  public List<ImagePullSecret> imagePullSecrets() {
    return List.copyOf(objects.imagePullSecrets().values());
  }

  @Override
  public List<NamespaceSnapshot> namespaces() {
    return List.copyOf(objects.namespaces().values());
  }

  @Override
  public Optional<NamespaceSnapshot> namespace(String name) {
    return Optional.ofNullable(objects.namespaces().get(name));
  }

  @Override
  public List<PodView> pods(String namespace) {
    return objects.podsByNamespace().getOrDefault(namespace, List.of());
  }

  @Override
  public Optional<SecretSnapshot> secret(String namespace, String name) {
    return Optional.ofNullable(objects.secrets().get(new SecretRef(namespace, name)));
  }

  @Override
  public List<SecretSnapshot> copiesOwnedBy(String ownerUid) {
    return objects.secrets().values().stream()
        .filter(s -> s.ownerUid().filter(ownerUid::equals).isPresent())
        .toList();
  }

  @Override
  public List<SecretSnapshot> allCopies() {
    return objects.secrets().values().stream().filter(s -> s.ownerUid().isPresent()).toList();
  }

  @Override
  public Optional<ServiceAccountSnapshot> serviceAccount(String namespace, String name) {
    return Optional.ofNullable(objects.serviceAccounts().get(namespace + "/" + name));
  }

  @Override
  public List<ServiceAccountSnapshot> serviceAccountsPatchedByImps() {
    return objects.serviceAccounts().values().stream()
        .filter(ServiceAccountSnapshot::patchedByImps)
        .toList();
  }
}
