package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;

/**
 * The outcome of the last reconciliation in {@code status.status}, with the values of IMPS ({@code
 * Ready}, {@code Failed}).
 */
public enum ReconciliationStatus {
  /** Every target secret is in place. */
  @SerializedName("Ready")
  READY("Ready"),

  /** The last reconciliation failed; {@code status.reason} says why. */
  @SerializedName("Failed")
  FAILED("Failed");

  private final String value;

  ReconciliationStatus(String value) {
    this.value = value;
  }

  /**
   * Returns the value as it appears in JSON.
   *
   * @return {@code Ready} or {@code Failed}
   */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
