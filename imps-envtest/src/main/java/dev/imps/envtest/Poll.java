package dev.imps.envtest;

import java.time.Duration;

/**
 * Waits for a condition by polling, for the few waits inside this module (readiness, CRD
 * established). Tests use Awaitility.
 */
final class Poll {

  /** One check; an exception counts as "not yet" and is quoted if time runs out. */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  private Poll() {}

  /**
   * Polls {@code condition} every {@code interval} until it holds, running {@code guard} before
   * each check so a dead process fails fast instead of timing out.
   *
   * @param what what is awaited, for the timeout message ("kube-apiserver /readyz")
   * @param timeout how long to wait at most
   * @param interval the pause between checks
   * @param guard runs before each check; throws to give up at once
   * @param condition the check
   * @throws IllegalStateException if time runs out; names {@code what} and the last failure
   */
  static void until(
      String what, Duration timeout, Duration interval, Runnable guard, Condition condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      guard.run();
      try {
        if (condition.holds()) {
          return;
        }
        last = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + (last == null ? "" : "; last failure: " + last),
            last);
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
