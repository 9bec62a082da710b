package dev.imps.api.model;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Service accounts that reference the pull secret ({@code spec.target.serviceAccounts}, an imps
 * addition to IMPS).
 *
 * <p>Opt-in: in every selected namespace imps adds the target secret to the {@code
 * imagePullSecrets} of the service accounts named here that exist.
 */
public class ServiceAccountsConfig {

  @SerializedName("names")
  private List<String> names;

  /** Creates an empty instance. */
  public ServiceAccountsConfig() {}

  /**
   * Sets {@code names}: names of service accounts, for example {@code default}.
   *
   * @param names the new value
   * @return this object
   */
  public ServiceAccountsConfig names(List<String> names) {
    this.names = names;
    return this;
  }

  /**
   * Appends one element to {@code names}.
   *
   * @param item the element to append
   * @return this object
   */
  public ServiceAccountsConfig addNamesItem(String item) {
    if (names == null) {
      names = new ArrayList<>();
    }
    names.add(item);
    return this;
  }

  /**
   * Returns {@code names}: names of service accounts, for example {@code default}.
   *
   * @return the value, or {@code null} if absent
   */
  public List<String> getNames() {
    return names;
  }

  /**
   * Sets {@code names}.
   *
   * @param names the new value
   */
  public void setNames(List<String> names) {
    this.names = names;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ServiceAccountsConfig)) {
      return false;
    }
    ServiceAccountsConfig other = (ServiceAccountsConfig) o;
    return Objects.equals(names, other.names);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names);
  }

  @Override
  public String toString() {
    return "ServiceAccountsConfig{names=" + names + "}";
  }
}
