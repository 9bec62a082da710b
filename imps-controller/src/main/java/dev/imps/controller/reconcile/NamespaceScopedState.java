package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.selector.PodView;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as one namespace sees it: a {@link ClusterState} whose lists of namespaces, copies
 * and patched ServiceAccounts hold only that namespace's. A namespace pass runs the very planning
 * code of a full pass ({@link ReconcilePlanner}) over this view, so its plan is the full plan's
 * part about that namespace, at a cost that does not grow with the number of namespaces.
 *
 * <p>Thread-safe if the underlying state is.
 */
final class NamespaceScopedState implements ClusterState {

  private final ClusterState state;
  private final String namespace;

  NamespaceScopedState(ClusterState state, String namespace) {
    this.state = state;
    this.namespace = namespace;
  }

  @Override
  public Optional<ImagePullSecret> imagePullSecret(String name) {
    return state.imagePullSecret(name);
  }

  @Override
  public List<ImagePullSecret> imagePullSecrets() {
    return state.imagePullSecrets();
  }

  @Override
  public List<NamespaceSnapshot> namespaces() {
    return state.namespace(namespace).stream().toList();
  }

  @Override
  public Optional<NamespaceSnapshot> namespace(String name) {
    return namespace.equals(name) ? state.namespace(name) : Optional.empty();
  }

  @Override
  public List<PodView> pods(String name) {
    return namespace.equals(name) ? state.pods(name) : List.of();
  }

  @Override
  public Optional<SecretSnapshot> secret(String secretNamespace, String name) {
    // Sources live in other namespaces: secrets are not scoped.
    return state.secret(secretNamespace, name);
  }

  @Override
  public List<SecretSnapshot> copiesOwnedBy(String ownerUid) {
    return state.copiesOwnedBy(ownerUid, namespace);
  }

  @Override
  public List<SecretSnapshot> allCopies() {
    return state.allCopies().stream().filter(c -> c.namespace().equals(namespace)).toList();
  }

  @Override
  public Optional<ServiceAccountSnapshot> serviceAccount(String accountNamespace, String name) {
    return state.serviceAccount(accountNamespace, name);
  }

  @Override
  public List<ServiceAccountSnapshot> serviceAccountsPatchedByImps() {
    return state.serviceAccountsPatchedByImps(namespace);
  }
}
