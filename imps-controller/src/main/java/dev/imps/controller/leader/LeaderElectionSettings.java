package dev.imps.controller.leader;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the Lease lives and how long it lasts.
 *
 * @param namespace the namespace of the Lease ({@code --config-namespace})
 * @param leaseName the Lease's name
 * @param identity this process's identity in the Lease, unique per replica
 * @param leaseDuration how long a lease lasts without renewal; a standby takes over at most this
 *     long after the leader died
 * @param renewDeadline how long the leader keeps trying to renew before it gives up
 * @param retryPeriod how often candidates retry
 */
public record LeaderElectionSettings(
    String namespace,
    String leaseName,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /** The Lease's default name, {@value}. */
  public static final String DEFAULT_LEASE_NAME = "imps-leader-election";

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a name is blank or the timings are not {@code leaseDuration
   *     > renewDeadline > retryPeriod > 0}
   */
  public LeaderElectionSettings {
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(renewDeadline, "renewDeadline");
    Objects.requireNonNull(retryPeriod, "retryPeriod");
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException(
          "leader election needs the Lease's namespace (--config-namespace)");
    }
    if (leaseName == null || leaseName.isBlank()) {
      throw new IllegalArgumentException("leader election needs a Lease name");
    }
    if (identity == null || identity.isBlank()) {
      throw new IllegalArgumentException("leader election needs an identity");
    }
    if (retryPeriod.isNegative()
        || retryPeriod.isZero()
        || renewDeadline.compareTo(retryPeriod) <= 0
        || leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException(
          "lease timings must satisfy lease duration ("
              + leaseDuration.toSeconds()
              + " s) > renew deadline ("
              + renewDeadline.toSeconds()
              + " s) > retry period ("
              + retryPeriod.toSeconds()
              + " s) > 0");
    }
  }
}
