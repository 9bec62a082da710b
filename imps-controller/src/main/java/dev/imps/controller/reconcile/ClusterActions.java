package dev.imps.controller.reconcile;

/**
 * The writes the reconciler asks for. The operator sends them to the API server under a client-side
 * rate limit; tests record them.
 *
 * <p>Every method returns the API server's answer as a {@link WriteResult} and throws nothing for
 * API errors: 409 and 404 are normal during reconciliation. Implementations must be thread-safe,
 * since the reconciler may issue writes from several threads, and must never put a request body
 * (which may hold credentials) into a log line, exception or result message.
 */
public interface ClusterActions {

  /**
   * Creates a copy.
   *
   * @param secret the copy; send {@link DesiredSecret#manifest()}
   * @return {@link WriteResult.Outcome#ALREADY_EXISTS} if a secret with that name exists, {@link
   *     WriteResult.Outcome#NAMESPACE_TERMINATING} if the namespace is being deleted
   */
  WriteResult createSecret(DesiredSecret secret);

  /**
   * Patches a copy with a JSON merge patch.
   *
   * @param patch the patch; send {@link SecretPatch#body()} as {@code application/merge-patch+json}
   * @return {@link WriteResult.Outcome#CONFLICT} if the secret changed since the cache saw it
   */
  WriteResult patchSecret(SecretPatch patch);

  /**
   * Deletes a copy, but only the object the cache saw.
   *
   * @param ref namespace and name
   * @param uid the uid the cache saw, sent as a delete precondition so that a secret someone
   *     recreated meanwhile survives; {@code ""} means no precondition
   * @return {@link WriteResult.Outcome#NOT_FOUND} if it is already gone, {@link
   *     WriteResult.Outcome#CONFLICT} if the uid did not match
   */
  WriteResult deleteSecret(SecretRef ref, String uid);

  /**
   * Patches a ServiceAccount's {@code imagePullSecrets} with a JSON merge patch.
   *
   * @param patch the patch; send {@link ServiceAccountPatch#body()}
   * @return the answer
   */
  WriteResult patchServiceAccount(ServiceAccountPatch patch);

  /**
   * Patches the {@code /status} subresource of an {@code ImagePullSecret} with a JSON merge patch.
   *
   * @param patch the patch; send {@link StatusPatch#body()}
   * @return the answer; {@link WriteResult.Outcome#NOT_FOUND} if the object is gone
   */
  WriteResult patchStatus(StatusPatch patch);

  /**
   * Records an Event in namespace {@value ReconcileConstants#EVENT_NAMESPACE}. Best effort: the
   * runtime logs a failure and does not report it.
   *
   * @param event the event
   */
  void recordEvent(EventRecord event);
}
