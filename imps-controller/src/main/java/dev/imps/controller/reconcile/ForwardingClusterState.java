package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.selector.PodView;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ClusterState} that forwards every call to another one; a subclass overrides the answers
 * it changes. The interface's default methods are not forwarded: they call this view's own answers,
 * so an override is seen by them too.
 *
 * <p>Thread-safe if the underlying state is and the subclass adds no mutable state.
 */
abstract class ForwardingClusterState implements ClusterState {

  private final ClusterState delegate;

  /**
   * Creates the view.
   *
   * @param delegate the state every call goes to
   */
  ForwardingClusterState(ClusterState delegate) {
    this.delegate = delegate;
  }

  /**
   * Returns the state every call goes to.
   *
   * @return the underlying state
   */
  protected final ClusterState delegate() {
    return delegate;
  }

  @Override
  public Optional<ImagePullSecret> imagePullSecret(String name) {
    return delegate.imagePullSecret(name);
  }

  @Override
  public List<ImagePullSecret> imagePullSecrets() {
    return delegate.imagePullSecrets();
  }

  @Override
  public List<NamespaceSnapshot> namespaces() {
    return delegate.namespaces();
  }

  @Override
  public Optional<NamespaceSnapshot> namespace(String name) {
    return delegate.namespace(name);
  }

  @Override
  public List<PodView> pods(String namespace) {
    return delegate.pods(namespace);
  }

  @Override
  public Optional<SecretSnapshot> secret(String namespace, String name) {
    return delegate.secret(namespace, name);
  }

  @Override
  public List<SecretSnapshot> copiesOwnedBy(String ownerUid) {
    return delegate.copiesOwnedBy(ownerUid);
  }

  @Override
  public List<SecretSnapshot> allCopies() {
    return delegate.allCopies();
  }

  @Override
  public Optional<ServiceAccountSnapshot> serviceAccount(String namespace, String name) {
    return delegate.serviceAccount(namespace, name);
  }

  @Override
  public List<ServiceAccountSnapshot> serviceAccountsPatchedByImps() {
    return delegate.serviceAccountsPatchedByImps();
  }
}
