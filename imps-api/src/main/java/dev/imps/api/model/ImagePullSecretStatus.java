package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The observed state of an {@link ImagePullSecret}, written by the controller.
 *
 * <p>The first six fields are those of IMPS; {@code namespaceCount}, {@code observedGeneration},
 * {@code conditions} and {@code conflicts} are imps additions. {@code sourceSecretStatus} maps
 * {@code <namespace>.<name>} of every source secret to {@value
 * dev.imps.api.ApiConstants#SOURCE_SECRET_OK} or to an error message; it never holds a credential.
 */
public class ImagePullSecretStatus {

  @SerializedName("status")
  private ReconciliationStatus status;

  @SerializedName("reason")
  private String reason;

  @SerializedName("lastSuccessfulReconciliation")
  private OffsetDateTime lastSuccessfulReconciliation;

  @SerializedName("validitySeconds")
  private Integer validitySeconds;

  @SerializedName("managedNamespaces")
  private List<String> managedNamespaces;

  @SerializedName("namespaceCount")
  private Integer namespaceCount;

  @SerializedName("sourceSecretStatus")
  private Map<String, String> sourceSecretStatus;

  @SerializedName("observedGeneration")
  private Long observedGeneration;

  @SerializedName("conditions")
  private List<V1Condition> conditions;

  @SerializedName("conflicts")
  private List<SecretConflict> conflicts;

  /** Creates an empty instance. */
  public ImagePullSecretStatus() {}

  /**
   * Sets {@code status}: {@code Ready} or {@code Failed}.
   *
   * @param status the new value
   * @return this object
   */
  public ImagePullSecretStatus status(ReconciliationStatus status) {
    this.status = status;
    return this;
  }

  /**
   * Returns {@code status}: {@code Ready} or {@code Failed}.
   *
   * @return the value, or {@code null} if absent
   */
  public ReconciliationStatus getStatus() {
    return status;
  }

  /**
   * Sets {@code status}.
   *
   * @param status the new value
   */
  public void setStatus(ReconciliationStatus status) {
    this.status = status;
  }

  /**
   * Sets {@code reason}: why the last reconciliation failed.
   *
   * @param reason the new value
   * @return this object
   */
  public ImagePullSecretStatus reason(String reason) {
    this.reason = reason;
    return this;
  }

  /**
   * Returns {@code reason}: why the last reconciliation failed.
   *
   * @return the value, or {@code null} if absent
   */
  public String getReason() {
    return reason;
  }

  /**
   * Sets {@code reason}.
   *
   * @param reason the new value
   */
  public void setReason(String reason) {
    this.reason = reason;
  }

  /**
   * Sets {@code lastSuccessfulReconciliation}: when the controller last put every target secret in
   * place.
   *
   * @param lastSuccessfulReconciliation the new value
   * @return this object
   */
  public ImagePullSecretStatus lastSuccessfulReconciliation(
      OffsetDateTime lastSuccessfulReconciliation) {
    this.lastSuccessfulReconciliation = lastSuccessfulReconciliation;
    return this;
  }

  /**
   * Returns {@code lastSuccessfulReconciliation}: when the controller last put every target secret
   * in place.
   *
   * @return the value, or {@code null} if absent
   */
  public OffsetDateTime getLastSuccessfulReconciliation() {
    return lastSuccessfulReconciliation;
  }

  /**
   * Sets {@code lastSuccessfulReconciliation}.
   *
   * @param lastSuccessfulReconciliation the new value
   */
  public void setLastSuccessfulReconciliation(OffsetDateTime lastSuccessfulReconciliation) {
    this.lastSuccessfulReconciliation = lastSuccessfulReconciliation;
  }

  /**
   * Sets {@code validitySeconds}: how long the rendered credentials stay valid after the last
   * successful reconciliation.
   *
   * @param validitySeconds the new value
   * @return this object
   */
  public ImagePullSecretStatus validitySeconds(Integer validitySeconds) {
    this.validitySeconds = validitySeconds;
    return this;
  }

  /**
   * Returns {@code validitySeconds}: how long the rendered credentials stay valid after the last
   * successful reconciliation.
   *
   * @return the value, or {@code null} if absent
   */
  public Integer getValiditySeconds() {
    return validitySeconds;
  }

  /**
   * Sets {@code validitySeconds}.
   *
   * @param validitySeconds the new value
   */
  public void setValiditySeconds(Integer validitySeconds) {
    this.validitySeconds = validitySeconds;
  }

  /**
   * Sets {@code managedNamespaces}: the namespaces that hold a copy of the secret.
   *
   * @param managedNamespaces the new value
   * @return this object
   */
  public ImagePullSecretStatus managedNamespaces(List<String> managedNamespaces) {
    this.managedNamespaces = managedNamespaces;
    return this;
  }

  /**
   * Appends one element to {@code managedNamespaces}.
   *
   * @param item the element to append
   * @return this object
   */
  public ImagePullSecretStatus addManagedNamespacesItem(String item) {
    if (managedNamespaces == null) {
      managedNamespaces = new ArrayList<>();
    }
    managedNamespaces.add(item);
    return this;
  }

  /**
   * Returns {@code managedNamespaces}: the namespaces that hold a copy of the secret.
   *
   * @return the value, or {@code null} if absent
   */
  public List<String> getManagedNamespaces() {
    return managedNamespaces;
  }

  /**
   * Sets {@code managedNamespaces}.
   *
   * @param managedNamespaces the new value
   */
  public void setManagedNamespaces(List<String> managedNamespaces) {
    this.managedNamespaces = managedNamespaces;
  }

  /**
   * Sets {@code namespaceCount}: how many namespaces hold a copy, for {@code kubectl get imps}.
   *
   * @param namespaceCount the new value
   * @return this object
   */
  public ImagePullSecretStatus namespaceCount(Integer namespaceCount) {
    this.namespaceCount = namespaceCount;
    return this;
  }

  /**
   * Returns {@code namespaceCount}: how many namespaces hold a copy.
   *
   * @return the value, or {@code null} if absent
   */
  public Integer getNamespaceCount() {
    return namespaceCount;
  }

  /**
   * Sets {@code namespaceCount}.
   *
   * @param namespaceCount the new value
   */
  public void setNamespaceCount(Integer namespaceCount) {
    this.namespaceCount = namespaceCount;
  }

  /**
   * Sets {@code sourceSecretStatus}: per source secret ({@code <namespace>.<name>}), {@code Ok} or
   * an error message.
   *
   * @param sourceSecretStatus the new value
   * @return this object
   */
  public ImagePullSecretStatus sourceSecretStatus(Map<String, String> sourceSecretStatus) {
    this.sourceSecretStatus = sourceSecretStatus;
    return this;
  }

  /**
   * Puts one entry into {@code sourceSecretStatus}.
   *
   * @param key the key
   * @param value the value
   * @return this object
   */
  public ImagePullSecretStatus putSourceSecretStatusItem(String key, String value) {
    if (sourceSecretStatus == null) {
      sourceSecretStatus = new LinkedHashMap<>();
    }
    sourceSecretStatus.put(key, value);
    return this;
  }

  /**
   * Returns {@code sourceSecretStatus}: per source secret ({@code <namespace>.<name>}), {@code Ok}
   * or an error message.
   *
   * @return the value, or {@code null} if absent
   */
  public Map<String, String> getSourceSecretStatus() {
    return sourceSecretStatus;
  }

  /**
   * Sets {@code sourceSecretStatus}.
   *
   * @param sourceSecretStatus the new value
   */
  public void setSourceSecretStatus(Map<String, String> sourceSecretStatus) {
    this.sourceSecretStatus = sourceSecretStatus;
  }

  /**
   * Sets {@code observedGeneration}: the {@code metadata.generation} this status describes.
   *
   * @param observedGeneration the new value
   * @return this object
   */
  public ImagePullSecretStatus observedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
    return this;
  }

  /**
   * Returns {@code observedGeneration}: the {@code metadata.generation} this status describes.
   *
   * @return the value, or {@code null} if absent
   */
  public Long getObservedGeneration() {
    return observedGeneration;
  }

  /**
   * Sets {@code observedGeneration}.
   *
   * @param observedGeneration the new value
   */
  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  /**
   * Sets {@code conditions}: standard conditions; type {@code Ready}.
   *
   * @param conditions the new value
   * @return this object
   */
  public ImagePullSecretStatus conditions(List<V1Condition> conditions) {
    this.conditions = conditions;
    return this;
  }

  /**
   * Appends one element to {@code conditions}.
   *
   * @param item the element to append
   * @return this object
   */
  public ImagePullSecretStatus addConditionsItem(V1Condition item) {
    if (conditions == null) {
      conditions = new ArrayList<>();
    }
    conditions.add(item);
    return this;
  }

  /**
   * Returns {@code conditions}: standard conditions; type {@code Ready}.
   *
   * @return the value, or {@code null} if absent
   */
  public List<V1Condition> getConditions() {
    return conditions;
  }

  /**
   * Sets {@code conditions}.
   *
   * @param conditions the new value
   */
  public void setConditions(List<V1Condition> conditions) {
    this.conditions = conditions;
  }

  /**
   * Sets {@code conflicts}: namespaces where a secret not managed by this object blocks the copy.
   *
   * @param conflicts the new value
   * @return this object
   */
  public ImagePullSecretStatus conflicts(List<SecretConflict> conflicts) {
    this.conflicts = conflicts;
    return this;
  }

  /**
   * Appends one element to {@code conflicts}.
   *
   * @param item the element to append
   * @return this object
   */
  public ImagePullSecretStatus addConflictsItem(SecretConflict item) {
    if (conflicts == null) {
      conflicts = new ArrayList<>();
    }
    conflicts.add(item);
    return this;
  }

  /**
   * Returns {@code conflicts}: namespaces where a secret not managed by this object blocks the
   * copy.
   *
   * @return the value, or {@code null} if absent
   */
  public List<SecretConflict> getConflicts() {
    return conflicts;
  }

  /**
   * Sets {@code conflicts}.
   *
   * @param conflicts the new value
   */
  public void setConflicts(List<SecretConflict> conflicts) {
    this.conflicts = conflicts;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImagePullSecretStatus)) {
      return false;
    }
    ImagePullSecretStatus other = (ImagePullSecretStatus) o;
    return Objects.equals(status, other.status)
        && Objects.equals(reason, other.reason)
        && Objects.equals(lastSuccessfulReconciliation, other.lastSuccessfulReconciliation)
        && Objects.equals(validitySeconds, other.validitySeconds)
        && Objects.equals(managedNamespaces, other.managedNamespaces)
        && Objects.equals(namespaceCount, other.namespaceCount)
        && Objects.equals(sourceSecretStatus, other.sourceSecretStatus)
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(conflicts, other.conflicts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        status,
        reason,
        lastSuccessfulReconciliation,
        validitySeconds,
        managedNamespaces,
        namespaceCount,
        sourceSecretStatus,
        observedGeneration,
        conditions,
        conflicts);
  }

  @Override
  public String toString() {
    return "ImagePullSecretStatus{status="
        + status
        + ", reason="
        + reason
        + ", lastSuccessfulReconciliation="
        + lastSuccessfulReconciliation
        + ", validitySeconds="
        + validitySeconds
        + ", managedNamespaces="
        + managedNamespaces
        + ", namespaceCount="
        + namespaceCount
        + ", sourceSecretStatus="
        + sourceSecretStatus
        + ", observedGeneration="
        + observedGeneration
        + ", conditions="
        + conditions
        + ", conflicts="
        + conflicts
        + "}";
  }
}
