package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;

/**
 * The names the reconciler writes into the cluster, in one place: secret type and key, the adoption
 * and service-account bookkeeping annotations, event types.
 *
 * <p>The owner label, condition types and reasons are the CRD's and live in {@link ApiConstants}.
 */
public final class ReconcileConstants {

  /** The type of every copy, {@value}. */
  public static final String DOCKER_CONFIG_JSON_TYPE = "kubernetes.io/dockerconfigjson";

  /** The data key of a {@link #DOCKER_CONFIG_JSON_TYPE} secret, {@value}. */
  public static final String DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";

  /**
   * Annotation on a pre-existing Secret that lets one {@code ImagePullSecret} take it over,
   * {@value}. Its value is the name of that {@code ImagePullSecret}. Without it imps never touches
   * a secret it does not own: adoption is the secret owner's explicit decision, not the CR
   * author's.
   */
  public static final String ADOPT_ANNOTATION = ApiConstants.GROUP + "/adopt-by";

  /**
   * Annotation on a ServiceAccount recording which {@code imagePullSecrets} entries imps added and
   * for which {@code ImagePullSecret}, {@value}. Its value is a sorted, comma-separated list of
   * {@code <secret name>=<owner uid>}. imps removes only entries listed here, so a reference a user
   * added by hand survives deselection and deletion.
   */
  public static final String ADDED_PULL_SECRETS_ANNOTATION =
      ApiConstants.GROUP + "/added-image-pull-secrets";

  /** Event type of an event that reports success, {@value}. */
  public static final String EVENT_NORMAL = "Normal";

  /** Event type of an event that reports a problem, {@value}. */
  public static final String EVENT_WARNING = "Warning";

  /**
   * The namespace of events about cluster-scoped objects such as an {@code ImagePullSecret},
   * {@value}.
   */
  public static final String EVENT_NAMESPACE = "default";

  private ReconcileConstants() {}
}
