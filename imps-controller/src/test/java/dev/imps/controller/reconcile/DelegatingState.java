package dev.imps.controller.reconcile;

/** A {@link ClusterState} that forwards every call, for tests that override one answer. */
class DelegatingState extends ForwardingClusterState {

  DelegatingState(ClusterState delegate) {
    super(delegate);
  }
}
