package dev.imps.controller.reconcile;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON merge patch for one copy, ready to send ({@code application/merge-patch+json}).
 *
 * @param ref namespace and name of the secret to patch
 * @param body the patch as plain maps, lists and strings; {@code null} values delete keys. It
 *     carries {@code metadata.resourceVersion}, so a concurrent change answers 409. Contains base64
 *     secret data: never log it
 * @param changes what the patch changes, for logs and plans
 */
public record SecretPatch(SecretRef ref, Map<String, Object> body, Set<SecretField> changes) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public SecretPatch {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(body, "body");
    changes = Set.copyOf(changes);
  }

  /** Names the secret and the changed fields; never the body. */
  @Override
  public String toString() {
    return "SecretPatch{" + ref + ", changes=" + changes + "}";
  }
}
