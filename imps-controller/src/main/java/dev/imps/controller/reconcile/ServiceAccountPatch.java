package dev.imps.controller.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON merge patch for one ServiceAccount's {@code imagePullSecrets} and the imps bookkeeping
 * annotation, ready to send ({@code application/merge-patch+json}).
 *
 * @param namespace the namespace
 * @param name the ServiceAccount name
 * @param added the secret names this patch adds to {@code imagePullSecrets}
 * @param removed the secret names this patch removes from {@code imagePullSecrets}
 * @param body the patch as plain maps and lists: the whole new {@code imagePullSecrets} list (a
 *     merge patch replaces lists), the annotation, and {@code metadata.resourceVersion} so that a
 *     concurrent change answers 409
 */
public record ServiceAccountPatch(
    String namespace,
    String name,
    List<String> added,
    List<String> removed,
    Map<String, Object> body) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public ServiceAccountPatch {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    Objects.requireNonNull(body, "body");
  }
}
