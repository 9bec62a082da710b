/**
 * The reconciliation of one {@code ImagePullSecret} as pure decision logic: what the cluster should
 * look like, how it differs from what it is, which writes close the gap, and what status to report.
 * No client-java I/O happens here.
 *
 * <p>The runtime supplies two small interfaces: {@link dev.imps.controller.reconcile.ClusterState},
 * a read-only view served from informer caches, and {@link
 * dev.imps.controller.reconcile.ClusterActions}, the writes. A pass reads as named steps: namespace
 * selection, rendering the merged pull secret, the diff of desired and actual copies (with conflict
 * rules), applying the writes, and the status report; it ends in a {@link
 * dev.imps.controller.reconcile.ReconcileResult} that says when to look again.
 *
 * <p>Values are immutable and thread-safe. None of them prints secret data in {@code toString()}.
 */
package dev.imps.controller.reconcile;
