package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecretStatus;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON merge patch for the {@code /status} subresource of one {@code ImagePullSecret}, ready to
 * send ({@code application/merge-patch+json}).
 *
 * @param name the {@code ImagePullSecret}'s name
 * @param status the complete new status, for callers that want typed access (metrics, tests)
 * @param body the patch as plain maps and lists: {@code {"status": {...}}} with {@code null} for
 *     every field and map key that the new status no longer has
 */
public record StatusPatch(String name, ImagePullSecretStatus status, Map<String, Object> body) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public StatusPatch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(body, "body");
  }
}
