package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step three of a pass: the desired copies against the actual secrets, as a list of {@link
 * SecretChange}s, one per namespace that is selected or holds a copy.
 *
 * <p>Rules, for each selected namespace and the secret with the target name there:
 *
 * <ol>
 *   <li>none: create it;
 *   <li>provably a copy of this {@code ImagePullSecret} ({@link CopyOwnership}: owner label,
 *       ownerReference with the same uid, dockerconfigjson type): keep it if it is right, else
 *       patch it;
 *   <li>provably a copy of another {@code ImagePullSecret} that exists: the stronger claim ({@link
 *       ClaimOrder}: older, then name) takes it; the weaker one reports a conflict;
 *   <li>provably a copy of an {@code ImagePullSecret} that no longer exists: take it over;
 *   <li>anything else (no owner label, or a label without the other two marks: a clone, a restored
 *       backup, a stale namesake): a conflict, unless the secret is annotated {@value
 *       ReconcileConstants#ADOPT_ANNOTATION} with this {@code ImagePullSecret}'s name, which adopts
 *       it.
 * </ol>
 *
 * <p>Every other copy this {@code ImagePullSecret} provably owns is deleted (namespace deselected,
 * or target renamed), except in terminating namespaces, which are left to the namespace deletion.
 * What may be written at all is decided by {@link CopyContent}.
 *
 * <p>Immutable; changes are ordered by namespace.
 */
public final class SecretDiff {

  private final List<SecretChange> changes;

  private SecretDiff(List<SecretChange> changes) {
    this.changes = List.copyOf(changes);
  }

  /**
   * Computes the diff.
   *
   * @param self the {@code ImagePullSecret} being reconciled
   * @param spec its resolved spec
   * @param selection the namespace decisions
   * @param content what may be written
   * @param state the cluster as cached
   * @param others every {@code ImagePullSecret} that exists and is not being deleted, by uid
   * @return the changes
   */
  public static SecretDiff compute(
      ImagePullSecret self,
      ResolvedSpec spec,
      NamespaceSelection selection,
      CopyContent content,
      ClusterState state,
      Map<String, ImagePullSecret> others) {
    List<SecretChange> changes = new ArrayList<>();
    Set<String> selected = selection.selected();
    for (String namespace : selected) {
      String why = selection.decision(namespace).orElseThrow().explanation();
      SecretRef ref = new SecretRef(namespace, spec.secretName());
      Optional<SecretSnapshot> existing = state.secret(namespace, spec.secretName());
      changes.add(
          existing
              .map(current -> changeFor(self, spec, current, content, others, why))
              .orElseGet(() -> create(spec, ref, content, why)));
    }
    List<SecretSnapshot> owned = new ArrayList<>(state.copiesOwnedBy(spec.uid()));
    owned.sort(Comparator.comparing(SecretSnapshot::ref));
    for (SecretSnapshot copy : owned) {
      if (!CopyOwnership.of(copy).isOwnedBy(spec.uid())) {
        continue;
      }
      boolean wanted = copy.name().equals(spec.secretName()) && selected.contains(copy.namespace());
      if (wanted || selection.isTerminating(copy.namespace())) {
        continue;
      }
      String why =
          copy.name().equals(spec.secretName())
              ? "namespace no longer selected"
              : "renamed: the target secret is now " + spec.secretName();
      changes.add(new SecretChange.Delete(copy, why));
    }
    changes.sort(
        Comparator.comparing(SecretChange::namespace)
            .thenComparing(c -> c instanceof SecretChange.Delete ? 0 : 1));
    return new SecretDiff(changes);
  }

  private static SecretChange create(
      ResolvedSpec spec, SecretRef ref, CopyContent content, String why) {
    if (content.data().isEmpty()) {
      return new SecretChange.Hold(ref, false, content.holdReason());
    }
    return new SecretChange.Create(desired(spec, ref, content.data().get()), "selected: " + why);
  }

  private static SecretChange changeFor(
      ImagePullSecret self,
      ResolvedSpec spec,
      SecretSnapshot current,
      CopyContent content,
      Map<String, ImagePullSecret> others,
      String why) {
    CopyOwnership ownership = CopyOwnership.of(current);
    Optional<String> ownerUid = ownership.ownerUid();
    if (ownership.isOwnedBy(spec.uid())) {
      if (content.data().isEmpty()) {
        return new SecretChange.Hold(current.ref(), true, content.holdReason());
      }
      SecretChange change = write(spec, current, content, why, "out of date");
      if (!content.mayUpdate() && !(change instanceof SecretChange.InPlace)) {
        return new SecretChange.Hold(current.ref(), true, content.holdReason());
      }
      return change;
    }
    String takeOver;
    if (ownerUid.isPresent()) {
      ImagePullSecret holder = others.get(ownerUid.get());
      if (holder != null) {
        String holderName = holder.getMetadata().getName();
        if (!ClaimOrder.wins(self, holder)) {
          return new SecretChange.Conflict(
              current.ref(),
              Optional.of(holderName),
              "secret is managed by "
                  + ApiConstants.KIND
                  + " "
                  + holderName
                  + ", which has the older claim");
        }
        takeOver = "take over from " + ApiConstants.KIND + " " + holderName + ": older claim";
      } else {
        takeOver = "take over: its " + ApiConstants.KIND + " no longer exists";
      }
    } else if (spec.name().equals(current.annotations().get(ReconcileConstants.ADOPT_ANNOTATION))) {
      takeOver = "adopt: annotated " + ReconcileConstants.ADOPT_ANNOTATION + "=" + spec.name();
    } else if (ownership.isLabelOnly()) {
      return new SecretChange.Conflict(
          current.ref(),
          Optional.empty(),
          "secret is not an imps copy: "
              + ownership.notProvenBecause()
              + "; imps leaves it alone (annotate it "
              + ReconcileConstants.ADOPT_ANNOTATION
              + "="
              + spec.name()
              + " to let imps take it over)");
    } else {
      return new SecretChange.Conflict(
          current.ref(),
          Optional.empty(),
          "secret exists and is not managed by imps; annotate it "
              + ReconcileConstants.ADOPT_ANNOTATION
              + "="
              + spec.name()
              + " to let imps take it over");
    }
    if (content.data().isEmpty()) {
      return new SecretChange.Hold(current.ref(), false, content.holdReason());
    }
    return write(spec, current, content, why, takeOver);
  }

  private static SecretChange write(
      ResolvedSpec spec, SecretSnapshot current, CopyContent content, String why, String reason) {
    DesiredSecret desired = desired(spec, current.ref(), content.data().orElseThrow());
    Set<SecretField> differences = desired.differencesFrom(current);
    if (differences.isEmpty()) {
      return new SecretChange.InPlace(current.ref(), why);
    }
    if (differences.contains(SecretField.TYPE)) {
      return new SecretChange.Replace(desired, current, reason);
    }
    return new SecretChange.Update(desired, current, desired.patchOver(current), reason);
  }

  private static DesiredSecret desired(ResolvedSpec spec, SecretRef ref, Map<String, byte[]> data) {
    return DesiredSecret.of(
        ref,
        ReconcileConstants.DOCKER_CONFIG_JSON_TYPE,
        spec.labels(),
        spec.annotations(),
        data,
        spec.owner());
  }

  /**
   * Returns every change.
   *
   * @return the changes, ordered by namespace
   */
  public List<SecretChange> changes() {
    return changes;
  }

  /**
   * Returns the changes of one kind.
   *
   * @param kind e.g. {@code SecretChange.Create.class}
   * @param <T> the kind
   * @return those changes, ordered by namespace
   */
  public <T extends SecretChange> List<T> changes(Class<T> kind) {
    return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /**
   * Returns the namespaces where this {@code ImagePullSecret}'s copy is in place or about to be:
   * kept, created, updated, replaced, or held with an existing copy.
   *
   * @return the namespace names, sorted
   */
  public Set<String> intendedNamespaces() {
    Set<String> namespaces = new TreeSet<>();
    for (SecretChange change : changes) {
      boolean holds =
          change instanceof SecretChange.Create
              || change instanceof SecretChange.Update
              || change instanceof SecretChange.Replace
              || change instanceof SecretChange.InPlace
              || (change instanceof SecretChange.Hold hold && hold.existingCopy());
      if (holds) {
        namespaces.add(change.namespace());
      }
    }
    return namespaces;
  }

  /**
   * Tells whether the diff asks for any write.
   *
   * @return {@code true} if there is a create, update, replace or delete
   */
  public boolean hasWrites() {
    return changes.stream()
        .anyMatch(
            c ->
                c instanceof SecretChange.Create
                    || c instanceof SecretChange.Update
                    || c instanceof SecretChange.Replace
                    || c instanceof SecretChange.Delete);
  }
}
