package dev.imps.controller.reconcile;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What applying a plan achieved.
 *
 * @param managedNamespaces the namespaces where this {@code ImagePullSecret}'s copy is in place
 *     after the writes; sorted, copied
 * @param failures writes that failed for real (not a race); copied
 * @param raced whether some write lost a race with the cache (409, 404, already exists): nothing is
 *     wrong, but the pass must run again soon on fresher data
 * @param retryAfter the longest {@code Retry-After} the API server asked for, if any
 */
public record ApplyOutcome(
    Set<String> managedNamespaces,
    List<WriteFailure> failures,
    boolean raced,
    Optional<Duration> retryAfter) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public ApplyOutcome {
    managedNamespaces = Collections.unmodifiableSet(new TreeSet<>(managedNamespaces));
    failures = List.copyOf(failures);
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /**
   * Tells whether every write took effect.
   *
   * @return {@code true} without failures and races
   */
  public boolean clean() {
    return failures.isEmpty() && !raced;
  }
}
