package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * A namespace where imps does not write the target secret because a secret of that name exists that
 * imps does not manage, or that another {@code ImagePullSecret} manages ({@code
 * status.conflicts[]}, an imps addition).
 */
public class SecretConflict {

  @SerializedName("namespace")
  private String namespace;

  @SerializedName("reason")
  private String reason;

  /** Creates an empty instance. */
  public SecretConflict() {}

  /**
   * Sets {@code namespace}: the namespace of the blocking secret.
   *
   * @param namespace the new value
   * @return this object
   */
  public SecretConflict namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  /**
   * Returns {@code namespace}: the namespace of the blocking secret.
   *
   * @return the value, or {@code null} if absent
   */
  public String getNamespace() {
    return namespace;
  }

  /**
   * Sets {@code namespace}.
   *
   * @param namespace the new value
   */
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /**
   * Sets {@code reason}: why the secret blocks the copy, for humans.
   *
   * @param reason the new value
   * @return this object
   */
  public SecretConflict reason(String reason) {
    this.reason = reason;
    return this;
  }

  /**
   * Returns {@code reason}: why the secret blocks the copy, for humans.
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SecretConflict)) {
      return false;
    }
    SecretConflict other = (SecretConflict) o;
    return Objects.equals(namespace, other.namespace) && Objects.equals(reason, other.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, reason);
  }

  @Override
  public String toString() {
    return "SecretConflict{namespace=" + namespace + ", reason=" + reason + "}";
  }
}
