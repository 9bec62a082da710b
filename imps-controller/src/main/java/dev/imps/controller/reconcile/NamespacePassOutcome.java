package dev.imps.controller.reconcile;

/**
 * What a namespace pass ({@link Reconciler#reconcileNamespace(String, String)}) tells the runtime
 * to do next.
 */
public enum NamespacePassOutcome {

  /** Nothing the status reports about this namespace changed; nothing more to do. */
  UNCHANGED,

  /**
   * The namespace's copy or conflict changed, so the status (managed namespaces, conflicts) is out
   * of date: a full pass should follow soon. Many of these in a burst need only one full pass.
   */
  STATUS_STALE,

  /**
   * A namespace pass cannot settle this (the object is gone, being deleted or invalid, or a write
   * failed or raced): run a full pass now, with its retries and backoff.
   */
  FULL_PASS_NEEDED
}
