package dev.imps.api;

/**
 * The names of the {@code ImagePullSecret} API in one place: group, version, kind, resource names,
 * the owner label, status values and condition types and reasons.
 *
 * <p>They are those of banzaicloud IMPS, so imps can take over objects an IMPS controller created.
 */
public final class ApiConstants {

  /** The API group, {@value}. */
  public static final String GROUP = "images.banzaicloud.io";

  /** The API version within {@link #GROUP}, {@value}. */
  public static final String VERSION = "v1alpha1";

  /** The {@code apiVersion} of every object, {@value}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** The kind of one object, {@value}. */
  public static final String KIND = "ImagePullSecret";

  /** The kind of a list of objects, {@value}. */
  public static final String LIST_KIND = "ImagePullSecretList";

  /** The plural resource name used in URLs, {@value}. */
  public static final String PLURAL = "imagepullsecrets";

  /** The singular resource name, {@value}. */
  public static final String SINGULAR = "imagepullsecret";

  /** The short name for {@code kubectl get}, {@value}. */
  public static final String SHORT_NAME = "imps";

  /** The name of the CustomResourceDefinition, {@value}. */
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  /**
   * The label on every Secret imps manages; its value is the {@code metadata.uid} of the owning
   * {@code ImagePullSecret}. Same key as IMPS: {@value}.
   */
  public static final String OWNER_UID_LABEL = "images.banzaicloud.io/owner-uid";

  /** The value of {@code status.sourceSecretStatus} for a source secret that rendered, {@value}. */
  public static final String SOURCE_SECRET_OK = "Ok";

  /** The condition type that tells whether the last reconciliation succeeded, {@value}. */
  public static final String CONDITION_READY = "Ready";

  /** Condition status "the condition holds", {@value}. */
  public static final String CONDITION_TRUE = "True";

  /** Condition status "the condition does not hold", {@value}. */
  public static final String CONDITION_FALSE = "False";

  /** Condition status "not known yet", {@value}. */
  public static final String CONDITION_UNKNOWN = "Unknown";

  /** Reason (and IMPS event reason): every target secret is in place, {@value}. */
  public static final String REASON_RECONCILED = "Reconciled";

  /**
   * Reason: every target secret is in place, but the credentials are less than the sources promise
   * (a source gives no registry credentials, or the copy holds no registry), {@value}. The {@code
   * Ready} condition stays {@code True}; its message names the sources.
   */
  public static final String REASON_RECONCILED_WITH_WARNINGS = "ReconciledWithWarnings";

  /** Reason (and IMPS event reason): the reconciliation failed for another reason, {@value}. */
  public static final String REASON_RECONCILIATION_FAILED = "ReconciliationFailed";

  /** Reason (and IMPS event reason): a source secret could not be read or rendered, {@value}. */
  public static final String REASON_SOURCE_CREDENTIALS_ERROR = "SourceCredentialsError";

  /** Reason (and IMPS event reason): a target secret could not be written, {@value}. */
  public static final String REASON_SECRET_RECONCILIATION_ERROR = "SecretReconciliationError";

  /**
   * Reason: in some namespace a secret with the target name exists that imps does not manage (or
   * another {@code ImagePullSecret} manages), so imps leaves it alone, {@value}.
   */
  public static final String REASON_SECRET_CONFLICT = "SecretConflict";

  /**
   * Reason: writes were throttled by the API server (429) and are retried after its {@code
   * Retry-After}, {@value}. Neither {@code Ready} nor {@code Failed}: the {@code Ready} condition
   * is {@code Unknown} and no event is recorded (an event would be one more write to an overloaded
   * API server).
   */
  public static final String REASON_RETRYING = "Retrying";

  /** Reason: the spec can never work (for example an invalid selector), {@value}. */
  public static final String REASON_INVALID_SPEC = "InvalidSpec";

  private ApiConstants() {}
}
