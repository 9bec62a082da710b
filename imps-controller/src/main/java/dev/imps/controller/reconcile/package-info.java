/**
 * The reconciliation of one {@code ImagePullSecret} as pure decision logic: what the cluster should
 * look like, how it differs from what it is, which writes close the gap, and what status to report.
 * No client-java I/O happens here.
 *
 * <p>The runtime supplies two small interfaces: {@link dev.imps.controller.reconcile.ClusterState},
 * a read-only view served from informer caches, and {@link
 * dev.imps.controller.reconcile.ClusterActions}, the writes. A pass reads as named steps: {@link
 * dev.imps.controller.reconcile.ResolvedSpec} (check the spec) → {@link
 * dev.imps.controller.reconcile.NamespaceSelection} (the rule's decision per namespace, terminating
 * namespaces skipped) → {@link dev.imps.controller.reconcile.PullSecretRenderers} (merge the
 * sources, with last good memory per object) → {@link dev.imps.controller.reconcile.SecretDiff}
 * (desired against actual copies) and {@link dev.imps.controller.reconcile.ServiceAccountPatching},
 * together a {@link dev.imps.controller.reconcile.ReconcilePlan} → {@link
 * dev.imps.controller.reconcile.PlanApplier} → {@link dev.imps.controller.reconcile.StatusReport};
 * {@link dev.imps.controller.reconcile.Reconciler} runs them and returns a {@link
 * dev.imps.controller.reconcile.ReconcileResult} that says when to look again.
 *
 * <h2>Never clobber; adoption on request</h2>
 *
 * <p>imps writes only secrets that carry its owner label ({@code images.banzaicloud.io/owner-uid},
 * as IMPS) with the uid of the {@code ImagePullSecret} at hand. A secret with the target name that
 * has no owner label is left untouched and reported as a conflict ({@code status.conflicts}, the
 * {@code Ready} condition with reason {@code SecretConflict}, a Warning event). Its owner can hand
 * it over by annotating it {@code images.banzaicloud.io/adopt-by=<ImagePullSecret name>}: the next
 * pass takes it over (labels, annotations, data and owner reference become imps's; the annotation
 * goes). The decision is the secret owner's, because only they know whether something else still
 * relies on the secret's current content. Copies left by IMPS carry the owner label already and are
 * taken over as they are.
 *
 * <p>When two {@code ImagePullSecret}s want the same secret name in one namespace, the older one
 * (by {@code creationTimestamp}, then name) holds it and the other reports a conflict; a copy whose
 * owner no longer exists is taken over.
 *
 * <h2>ServiceAccount bookkeeping</h2>
 *
 * <p>With {@code spec.target.serviceAccounts}, imps adds the target secret to those
 * ServiceAccounts' {@code imagePullSecrets} and records what it added in the annotation {@code
 * images.banzaicloud.io/added-image-pull-secrets} ({@code <secret>=<owner uid>} pairs). It removes
 * only references recorded there, so a reference added by hand is never removed.
 *
 * <p>Values are immutable and thread-safe. None of them prints secret data in {@code toString()}.
 */
package dev.imps.controller.reconcile;
