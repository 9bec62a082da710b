package dev.imps.controller.reconcile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one write through {@link ClusterActions}. Expected API answers (409, 404, a
 * terminating namespace) are outcomes, not exceptions, so the reconciler can report them.
 *
 * @param outcome what happened
 * @param message the API server's status message for humans, {@code ""} on success; never a request
 *     body or any secret value
 * @param retryAfter how long the API server asked to wait (429 {@code Retry-After}), if it did
 */
public record WriteResult(Outcome outcome, String message, Optional<Duration> retryAfter) {

  /** What the API server answered. */
  public enum Outcome {
    /** The write took effect (2xx). */
    APPLIED,
    /** A create found an object with that name already (409 {@code AlreadyExists}). */
    ALREADY_EXISTS,
    /**
     * A precondition failed: the object changed since the cache saw it (409 {@code Conflict}, or a
     * uid precondition of a delete).
     */
    CONFLICT,
    /** The object (or its namespace) does not exist (404). */
    NOT_FOUND,
    /** The namespace is being deleted, so the API server refuses new objects in it (403). */
    NAMESPACE_TERMINATING,
    /** Anything else: 5xx, 403, 422, 429 after retries, I/O errors. */
    FAILED
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public WriteResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /**
   * Returns the result of a write that took effect.
   *
   * @return the result
   */
  public static WriteResult applied() {
    return new WriteResult(Outcome.APPLIED, "", Optional.empty());
  }

  /**
   * Returns a result that is not a success.
   *
   * @param outcome what happened
   * @param message the API server's message, without secret values
   * @return the result
   */
  public static WriteResult of(Outcome outcome, String message) {
    return new WriteResult(outcome, message, Optional.empty());
  }

  /**
   * Returns a failure after which the API server asked to wait.
   *
   * @param message the API server's message
   * @param retryAfter the wait the API server asked for
   * @return the result
   */
  public static WriteResult throttled(String message, Duration retryAfter) {
    return new WriteResult(Outcome.FAILED, message, Optional.of(retryAfter));
  }

  /**
   * Tells whether the write took effect.
   *
   * @return {@code true} for {@link Outcome#APPLIED}
   */
  public boolean isApplied() {
    return outcome == Outcome.APPLIED;
  }
}
