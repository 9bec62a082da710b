package dev.imps.controller.reconcile;

import java.util.Objects;

/**
 * An Event about an {@code ImagePullSecret}. The runtime writes it to namespace {@value
 * ReconcileConstants#EVENT_NAMESPACE}, since the object is cluster-scoped.
 *
 * @param type {@value ReconcileConstants#EVENT_NORMAL} or {@value ReconcileConstants#EVENT_WARNING}
 * @param reason a reason from {@link dev.imps.api.ApiConstants}, e.g. {@code Reconciled}
 * @param message for humans; names objects, never carries secret values
 * @param objectName the {@code ImagePullSecret}'s name
 * @param objectUid the {@code ImagePullSecret}'s uid
 */
public record EventRecord(
    String type, String reason, String message, String objectName, String objectUid) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public EventRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(objectName, "objectName");
    Objects.requireNonNull(objectUid, "objectUid");
  }

  /**
   * Tells whether this is a warning.
   *
   * @return {@code true} for type {@value ReconcileConstants#EVENT_WARNING}
   */
  public boolean isWarning() {
    return ReconcileConstants.EVENT_WARNING.equals(type);
  }
}
