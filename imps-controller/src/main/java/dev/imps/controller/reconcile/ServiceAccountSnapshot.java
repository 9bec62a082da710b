package dev.imps.controller.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the reconciler knows about one ServiceAccount: the names in its {@code imagePullSecrets} and
 * its annotations (where imps records what it added).
 *
 * @param namespace the namespace
 * @param name the ServiceAccount name
 * @param resourceVersion {@code metadata.resourceVersion}, sent as a precondition with every patch;
 *     {@code null} becomes empty
 * @param imagePullSecrets the names in {@code imagePullSecrets}, in order; {@code null} becomes
 *     empty; copied
 * @param annotations the annotations; {@code null} becomes empty; copied
 */
public record ServiceAccountSnapshot(
    String namespace,
    String name,
    String resourceVersion,
    List<String> imagePullSecrets,
    Map<String, String> annotations) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code namespace} or {@code name} is {@code null}
   */
  public ServiceAccountSnapshot {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
    imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /**
   * Tells whether the ServiceAccount carries the imps bookkeeping annotation {@link
   * ReconcileConstants#ADDED_PULL_SECRETS_ANNOTATION}.
   *
   * @return {@code true} if imps has added some reference to it
   */
  public boolean patchedByImps() {
    String value = annotations.get(ReconcileConstants.ADDED_PULL_SECRETS_ANNOTATION);
    return value != null && !value.isEmpty();
  }
}
