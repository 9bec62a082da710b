package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconciliation of one {@code ImagePullSecret} came to, and when to look again.
 *
 * <p>The runtime requeues the key after {@link #requeueAfter()}; if {@link #retriesWithBackoff()}
 * is set it uses the work queue's rate limiter instead (a transient failure such as a 5xx or a
 * throttled write). Immutable.
 */
public final class ReconcileResult {

  /** How the pass ended. */
  public enum Outcome {
    /** Every selected namespace holds the right copy; status {@code Ready}. */
    READY,
    /** Something failed or conflicts; status {@code Failed}. */
    FAILED,
    /** The {@code ImagePullSecret} no longer exists; its leftovers were swept. */
    GONE
  }

  private final Outcome outcome;
  private final String reason;
  private final Duration requeueAfter;
  private final boolean retryWithBackoff;
  private final int managedNamespaces;
  private final Instant earliestExpiry;

  private ReconcileResult(
      Outcome outcome,
      String reason,
      Duration requeueAfter,
      boolean retryWithBackoff,
      int managedNamespaces,
      Instant earliestExpiry) {
    this.outcome = outcome;
    this.reason = reason;
    this.requeueAfter = requeueAfter;
    this.retryWithBackoff = retryWithBackoff;
    this.managedNamespaces = managedNamespaces;
    this.earliestExpiry = earliestExpiry;
  }

  /**
   * Returns the result of a pass that put every copy in place.
   *
   * @param requeueAfter when to reconcile again
   * @return the result, with no managed namespaces and no expiry until set with {@link
   *     #managing(int)} and {@link #expiringAt(Instant)}
   */
  public static ReconcileResult ready(Duration requeueAfter) {
    return new ReconcileResult(
        Outcome.READY,
        ApiConstants.REASON_RECONCILED,
        Objects.requireNonNull(requeueAfter, "requeueAfter"),
        false,
        0,
        null);
  }

  /**
   * Returns the result of a pass that failed, to be looked at again after the periodic interval
   * unless {@link #retryAfter(Duration)} or {@link #retryWithBackoff()} says otherwise.
   *
   * @param reason the condition reason, e.g. {@code SourceCredentialsError}
   * @return the result, requeued after {@link Reconciler#DEFAULT_PERIODIC_INTERVAL}
   */
  public static ReconcileResult failed(String reason) {
    return new ReconcileResult(
        Outcome.FAILED,
        Objects.requireNonNull(reason, "reason"),
        Reconciler.DEFAULT_PERIODIC_INTERVAL,
        false,
        0,
        null);
  }

  /**
   * Returns the result for an {@code ImagePullSecret} that no longer exists, its leftovers swept.
   *
   * @return the result; not requeued
   */
  public static ReconcileResult gone() {
    return new ReconcileResult(Outcome.GONE, "", Duration.ZERO, false, 0, null);
  }

  /**
   * Returns this result, to be looked at again after a fixed delay.
   *
   * @param delay when to reconcile again
   * @return a new result
   */
  public ReconcileResult retryAfter(Duration delay) {
    return new ReconcileResult(
        outcome,
        reason,
        Objects.requireNonNull(delay, "delay"),
        retryWithBackoff,
        managedNamespaces,
        earliestExpiry);
  }

  /**
   * Returns this result, to be retried with the work queue's backoff: the failure was transient (a
   * 5xx, a conflict, a throttled write) or a sweep left something behind.
   *
   * @return a new result
   */
  public ReconcileResult retryWithBackoff() {
    return new ReconcileResult(
        outcome, reason, requeueAfter, true, managedNamespaces, earliestExpiry);
  }

  /**
   * Returns this result with the number of namespaces that hold a copy.
   *
   * @param namespaces how many
   * @return a new result
   */
  public ReconcileResult managing(int namespaces) {
    return new ReconcileResult(
        outcome, reason, requeueAfter, retryWithBackoff, namespaces, earliestExpiry);
  }

  /**
   * Returns this result with the first expiry of a credential in the copies.
   *
   * @param expiry the instant, or {@code null} if no credential expires
   * @return a new result
   */
  public ReconcileResult expiringAt(Instant expiry) {
    return new ReconcileResult(
        outcome, reason, requeueAfter, retryWithBackoff, managedNamespaces, expiry);
  }

  /**
   * Returns how the pass ended.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns the condition reason of the pass.
   *
   * @return e.g. {@code Reconciled} or {@code SecretConflict}; {@code ""} for {@link Outcome#GONE}
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns when to reconcile again: the periodic interval, or half the remaining validity of the
   * earliest expiring credential if that is sooner.
   *
   * @return the delay; {@link Duration#ZERO} for {@link Outcome#GONE} (do not requeue)
   */
  public Duration requeueAfter() {
    return requeueAfter;
  }

  /**
   * Tells whether the runtime should retry with the work queue's backoff instead of {@link
   * #requeueAfter()}.
   *
   * @return {@code true} after a transient failure
   */
  public boolean retriesWithBackoff() {
    return retryWithBackoff;
  }

  /**
   * Returns how many namespaces hold a copy after this pass (the {@code managed namespaces} gauge).
   *
   * @return the count
   */
  public int managedNamespaces() {
    return managedNamespaces;
  }

  /**
   * Returns when the first credential in the copies expires (the {@code seconds until expiry}
   * gauge).
   *
   * @return the instant, or empty if no credential expires
   */
  public Optional<Instant> earliestExpiry() {
    return Optional.ofNullable(earliestExpiry);
  }

  /**
   * Tells whether the pass did not fail.
   *
   * @return {@code true} for {@link Outcome#READY} and {@link Outcome#GONE} without retry
   */
  public boolean isSuccess() {
    return outcome == Outcome.READY || (outcome == Outcome.GONE && !retryWithBackoff);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReconcileResult that
        && outcome == that.outcome
        && reason.equals(that.reason)
        && requeueAfter.equals(that.requeueAfter)
        && retryWithBackoff == that.retryWithBackoff
        && managedNamespaces == that.managedNamespaces
        && Objects.equals(earliestExpiry, that.earliestExpiry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        outcome, reason, requeueAfter, retryWithBackoff, managedNamespaces, earliestExpiry);
  }

  @Override
  public String toString() {
    return "ReconcileResult{"
        + outcome
        + (reason.isEmpty() ? "" : " " + reason)
        + ", requeueAfter="
        + requeueAfter
        + (retryWithBackoff ? ", retryWithBackoff" : "")
        + ", managedNamespaces="
        + managedNamespaces
        + (earliestExpiry == null ? "" : ", earliestExpiry=" + earliestExpiry)
        + "}";
  }
}
