package dev.imps.controller.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the sweep of deleted {@code ImagePullSecret}s removes, computed once for both the operator
 * ({@link Reconciler#sweepOrphans()}) and {@code imps plan}, so the plan shows exactly what the
 * operator does.
 *
 * <ul>
 *   <li>Copies: a secret is deleted only if it is provably an imps copy ({@link CopyOwnership}) and
 *       its ownerReference points to an {@code ImagePullSecret} that no longer exists (or is being
 *       deleted). Copies in terminating or unknown namespaces are left to the namespace deletion. A
 *       secret that only carries the owner label is never touched.
 *   <li>ServiceAccounts: the references imps added for such owners are removed ({@link
 *       ServiceAccountPatching#sweep}).
 * </ul>
 *
 * <p>Immutable.
 *
 * @param existingUids the uids of the {@code ImagePullSecret}s that exist and are not being deleted
 * @param copies the copies to delete, ordered by namespace and name
 * @param serviceAccountPatches the ServiceAccount patches, ordered by namespace and name
 */
public record OrphanSweep(
    Set<String> existingUids,
    List<SecretSnapshot> copies,
    List<ServiceAccountPatch> serviceAccountPatches) {

  /**
   * Copies the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public OrphanSweep {
    existingUids = Set.copyOf(existingUids);
    copies = List.copyOf(copies);
    serviceAccountPatches = List.copyOf(serviceAccountPatches);
  }

  /**
   * Computes the sweep from the cluster as it is.
   *
   * @param state the cluster
   * @return the sweep
   */
  public static OrphanSweep of(ClusterState state) {
    Objects.requireNonNull(state, "state");
    Set<String> existing = new HashSet<>();
    for (var cr : state.imagePullSecrets()) {
      if (cr.getMetadata() != null
          && cr.getMetadata().getUid() != null
          && !Reconciler.isBeingDeleted(cr)) {
        existing.add(cr.getMetadata().getUid());
      }
    }
    List<SecretSnapshot> orphans = new ArrayList<>();
    for (SecretSnapshot copy : state.allCopies()) {
      boolean orphaned =
          CopyOwnership.of(copy).ownerUid().filter(uid -> !existing.contains(uid)).isPresent();
      boolean terminating =
          state.namespace(copy.namespace()).map(NamespaceSnapshot::terminating).orElse(true);
      if (orphaned && !terminating) {
        orphans.add(copy);
      }
    }
    orphans.sort(Comparator.comparing(SecretSnapshot::ref));
    return new OrphanSweep(existing, orphans, ServiceAccountPatching.sweep(existing, state));
  }

  /**
   * Tells whether the sweep has nothing to do.
   *
   * @return {@code true} if there is no copy to delete and no ServiceAccount to patch
   */
  public boolean isEmpty() {
    return copies.isEmpty() && serviceAccountPatches.isEmpty();
  }
}
