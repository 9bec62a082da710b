package dev.imps.controller.reconcile;

import dev.imps.selector.PodView;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as one namespace sees it: a {@link ClusterState} whose lists of namespaces, copies
 * and patched ServiceAccounts hold only that namespace's. A namespace pass runs the very planning
 * code of a full pass ({@link ReconcilePlanner}) over this view, so its plan is the full plan's
 * part about that namespace, at a cost that does not grow with the number of namespaces.
 *
 * <p>ImagePullSecrets, secrets and ServiceAccounts looked up by name are not scoped: sources live
 * in other namespaces. Thread-safe if the underlying state is.
 */
final class NamespaceScopedState extends ForwardingClusterState {

  private final String namespace;

  NamespaceScopedState(ClusterState state, String namespace) {
    super(state);
    this.namespace = namespace;
  }

  @Override
  public List<NamespaceSnapshot> namespaces() {
    return delegate().namespace(namespace).stream().toList();
  }

  @Override
  public Optional<NamespaceSnapshot> namespace(String name) {
    return namespace.equals(name) ? delegate().namespace(name) : Optional.empty();
  }

  @Override
  public List<PodView> pods(String name) {
    return namespace.equals(name) ? delegate().pods(name) : List.of();
  }

  @Override
  public List<SecretSnapshot> copiesOwnedBy(String ownerUid) {
    return delegate().copiesOwnedBy(ownerUid, namespace);
  }

  @Override
  public List<SecretSnapshot> allCopies() {
    return delegate().allCopies().stream().filter(c -> c.namespace().equals(namespace)).toList();
  }

  @Override
  public List<ServiceAccountSnapshot> serviceAccountsPatchedByImps() {
    return delegate().serviceAccountsPatchedByImps(namespace);
  }
}
