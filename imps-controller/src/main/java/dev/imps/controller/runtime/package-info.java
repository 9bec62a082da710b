/**
 * The operator at run time: informer caches that serve the reconciler's {@code ClusterState}
 * (narrowed to what it needs: pod metadata only, copies by owner label, referenced secrets by
 * name), rate-limited writes that implement {@code ClusterActions}, event routing to the work
 * queue, and the wiring of it all with leader election and the metrics server ({@link
 * dev.imps.controller.runtime.ImpsOperator}).
 */
package dev.imps.controller.runtime;
