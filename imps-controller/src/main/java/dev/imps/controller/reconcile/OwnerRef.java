package dev.imps.controller.reconcile;

import java.util.Objects;

/**
 * One entry of {@code metadata.ownerReferences}, reduced to what identifies the owner.
 *
 * @param apiVersion the owner's {@code apiVersion}
 * @param kind the owner's kind
 * @param name the owner's name
 * @param uid the owner's {@code metadata.uid}
 */
public record OwnerRef(String apiVersion, String kind, String name, String uid) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public OwnerRef {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
  }
}
