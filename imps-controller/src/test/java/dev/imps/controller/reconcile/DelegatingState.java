package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.selector.PodView;
import java.util.List;
import java.util.Optional;

/** A {@link ClusterState} that forwards every call, for tests that override one answer. */
class DelegatingState implements ClusterState {

  private final ClusterState delegate;

  DelegatingState(ClusterState delegate) {
    this.delegate = delegate;
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
