package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof that a Secret is an imps copy. A label can be copied (a clone of a copy, a restored backup,
 * a hand-written manifest), so the owner label alone proves nothing. A Secret is imps's only if it
 * has all three marks every copy imps writes has:
 *
 * <ol>
 *   <li>the owner label {@value ApiConstants#OWNER_UID_LABEL};
 *   <li>an {@code ownerReference} to an {@code ImagePullSecret} with that same uid;
 *   <li>the type {@value ReconcileConstants#DOCKER_CONFIG_JSON_TYPE}.
 * </ol>
 *
 * <p>Anything else is never written or deleted by imps. Immutable.
 *
 * @param ownerUid the uid of the {@code ImagePullSecret} that provably owns the secret, or empty
 * @param notProvenBecause why a secret with the owner label is not an imps copy, {@code ""} if it
 *     is one or carries no owner label
 */
public record CopyOwnership(Optional<String> ownerUid, String notProvenBecause) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public CopyOwnership {
    Objects.requireNonNull(ownerUid, "ownerUid");
    Objects.requireNonNull(notProvenBecause, "notProvenBecause");
  }

  /**
   * Examines a secret.
   *
   * @param secret the secret
   * @return its ownership
   */
  public static CopyOwnership of(SecretSnapshot secret) {
    Optional<String> label = secret.ownerUid();
    if (label.isEmpty()) {
      return new CopyOwnership(Optional.empty(), "");
    }
    if (!ReconcileConstants.DOCKER_CONFIG_JSON_TYPE.equals(secret.type())) {
      return new CopyOwnership(
          Optional.empty(),
          "it carries the owner label but has type "
              + secret.type()
              + ", not "
              + ReconcileConstants.DOCKER_CONFIG_JSON_TYPE);
    }
    boolean referenced =
        secret.ownerReferences().stream()
            .anyMatch(
                r ->
                    ApiConstants.KIND.equals(r.kind())
                        && r.apiVersion().startsWith(ApiConstants.GROUP + "/")
                        && r.uid().equals(label.get()));
    if (!referenced) {
      return new CopyOwnership(
          Optional.empty(),
          "it carries the owner label but no ownerReference to the "
              + ApiConstants.KIND
              + " with uid "
              + label.get());
    }
    return new CopyOwnership(label, "");
  }

  /**
   * Tells whether the secret is provably a copy of the given {@code ImagePullSecret}.
   *
   * @param uid the {@code ImagePullSecret}'s uid
   * @return {@code true} if all three marks name that uid
   */
  public boolean isOwnedBy(String uid) {
    return ownerUid.filter(uid::equals).isPresent();
  }

  /**
   * Tells whether the secret is provably an imps copy of any {@code ImagePullSecret}.
   *
   * @return {@code true} if it has all three marks
   */
  public boolean isProven() {
    return ownerUid.isPresent();
  }

  /**
   * Tells whether the secret carries the owner label without being an imps copy.
   *
   * @return {@code true} for a clone, a restored backup or a stale namesake
   */
  public boolean isLabelOnly() {
    return !notProvenBecause.isEmpty();
  }
}
