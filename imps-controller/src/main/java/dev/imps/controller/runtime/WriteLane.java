package dev.imps.controller.runtime;

import java.util.concurrent.Executor;

/**
 * Which lane an API write goes in. A namespace pass's one or two writes go in the {@link #URGENT}
 * lane and are served before the thousands of writes of an object that converges over every
 * namespace ({@link #BULK}), so a namespace created during a convergence gets its copy within a
 * token or two instead of waiting for the whole convergence. Both lanes share one rate ({@link
 * WriteRateLimiter}) and one limit of writes in flight ({@link AdaptiveWriteLimit}): priority
 * changes the order, never the budget.
 *
 * <p>The lane travels with the thread that sends the write: {@link #urgentOnCallingThread()} runs a
 * pass's writes on the caller's thread in the urgent lane; every other write is bulk.
 */
public enum WriteLane {
  /** Served first: writes of a namespace pass. */
  URGENT,
  /** Served when no urgent write waits: writes of full passes, status and events. */
  BULK;

  private static final ThreadLocal<WriteLane> CURRENT = ThreadLocal.withInitial(() -> BULK);

  /**
   * Returns the lane of writes sent from the current thread.
   *
   * @return {@link #URGENT} inside a task of {@link #urgentOnCallingThread()}, else {@link #BULK}
   */
  public static WriteLane current() {
    return CURRENT.get();
  }

  /**
   * Returns an executor that runs each task at once on the calling thread, with its writes in the
   * urgent lane. The calling thread is a worker, whose writes the limit of writes in flight already
   * counts ({@code --write-threads} plus {@code --workers}).
   *
   * @return the executor
   */
  public static Executor urgentOnCallingThread() {
    return task -> {
      WriteLane before = CURRENT.get();
      CURRENT.set(URGENT);
      try {
        task.run();
      } finally {
        CURRENT.set(before);
      }
    };
  }
}
