package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.selector.PodView;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the cluster as the reconciler needs it. The operator serves it from informer
 * caches, so no call may reach the API server with a LIST; the offline {@code imps plan} command
 * serves it from YAML files.
 *
 * <p>Implementations must be thread-safe. Returned objects must not be changed by the caller (the
 * {@link ImagePullSecret} beans are mutable; the reconciler only reads them).
 */
public interface ClusterState {

  /**
   * Returns one {@code ImagePullSecret}.
   *
   * @param name its name (the resource is cluster-scoped)
   * @return the object, or empty if it does not exist
   */
  Optional<ImagePullSecret> imagePullSecret(String name);

  /**
   * Returns every {@code ImagePullSecret}.
   *
   * @return all objects, in any order
   */
  List<ImagePullSecret> imagePullSecrets();

  /**
   * Returns every namespace.
   *
   * @return all namespaces, in any order
   */
  List<NamespaceSnapshot> namespaces();

  /**
   * Returns one namespace.
   *
   * @param name the namespace name
   * @return the namespace, or empty if it does not exist
   */
  Optional<NamespaceSnapshot> namespace(String name);

  /**
   * Returns the pods of one namespace, metadata only.
   *
   * @param namespace the namespace name
   * @return name, labels and annotations of each pod; empty if none
   */
  List<PodView> pods(String namespace);

  /**
   * Returns a Secret by namespace and name.
   *
   * <p>The answer must be right for every secret that carries the owner label, and for every name
   * that some {@code ImagePullSecret} references as a source ({@code spec.registry.credentials}) or
   * as its target ({@code spec.target.secret.name}); other secrets may be reported missing. Data is
   * needed for sources and owned copies; for a secret that is only a target name's namesake (which
   * imps will not touch) metadata is enough.
   *
   * @param namespace the namespace
   * @param name the secret name
   * @return the secret, or empty if it does not exist
   */
  Optional<SecretSnapshot> secret(String namespace, String name);

  /**
   * Returns the copies one {@code ImagePullSecret} owns: the secrets whose owner label ({@value
   * dev.imps.api.ApiConstants#OWNER_UID_LABEL}) has its uid, in every namespace and under any name.
   *
   * @param ownerUid the owner's {@code metadata.uid}
   * @return the copies, in any order
   */
  List<SecretSnapshot> copiesOwnedBy(String ownerUid);

  /**
   * Returns the copies one {@code ImagePullSecret} owns in one namespace. A namespace pass asks
   * this instead of {@link #copiesOwnedBy(String)}, so implementations with an index by namespace
   * should answer without looking at other namespaces' copies.
   *
   * @param ownerUid the owner's {@code metadata.uid}
   * @param namespace the namespace
   * @return the copies, in any order
   */
  default List<SecretSnapshot> copiesOwnedBy(String ownerUid, String namespace) {
    return copiesOwnedBy(ownerUid).stream().filter(c -> c.namespace().equals(namespace)).toList();
  }

  /**
   * Returns every secret that carries the owner label, whoever the owner is. Used to sweep copies
   * whose owner no longer exists.
   *
   * @return all copies, in any order
   */
  List<SecretSnapshot> allCopies();

  /**
   * Returns one ServiceAccount. Needed only in namespaces where some {@code ImagePullSecret} asks
   * for {@code spec.target.serviceAccounts}.
   *
   * @param namespace the namespace
   * @param name the ServiceAccount name
   * @return the ServiceAccount, or empty if it does not exist
   */
  Optional<ServiceAccountSnapshot> serviceAccount(String namespace, String name);

  /**
   * Returns every ServiceAccount that carries {@link
   * ReconcileConstants#ADDED_PULL_SECRETS_ANNOTATION}, so that references imps added can be removed
   * even after the {@code ImagePullSecret} or its copies are gone.
   *
   * @return the ServiceAccounts imps has patched, in any order
   */
  List<ServiceAccountSnapshot> serviceAccountsPatchedByImps();

  /**
   * Returns the ServiceAccounts of one namespace that carry {@link
   * ReconcileConstants#ADDED_PULL_SECRETS_ANNOTATION}. A namespace pass asks this instead of {@link
   * #serviceAccountsPatchedByImps()}.
   *
   * @param namespace the namespace
   * @return the ServiceAccounts imps has patched there, in any order
   */
  default List<ServiceAccountSnapshot> serviceAccountsPatchedByImps(String namespace) {
    return serviceAccountsPatchedByImps().stream()
        .filter(a -> a.namespace().equals(namespace))
        .toList();
  }
}
