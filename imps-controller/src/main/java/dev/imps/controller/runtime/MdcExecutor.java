package dev.imps.controller.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * Runs tasks on another executor with the submitting thread's MDC, so that the write pool's log
 * lines carry the {@code ImagePullSecret} of the reconciliation that asked for the write (key
 * {@value ImpsOperator#MDC_CR}) instead of pasting it into the text. The worker's own MDC is put
 * back after each task, so nothing leaks into the next one. Thread-safe if the delegate is.
 */
final class MdcExecutor implements Executor {

  private final Executor delegate;

  private MdcExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps an executor.
   *
   * @param delegate where tasks run
   * @return the executor that carries the MDC along
   */
  static Executor wrap(Executor delegate) {
    return new MdcExecutor(Objects.requireNonNull(delegate, "delegate"));
  }

  @Override
  public void execute(Runnable task) {
    Map<String, String> submitter = MDC.getCopyOfContextMap();
    delegate.execute(
        () -> {
          Map<String, String> worker = MDC.getCopyOfContextMap();
          set(submitter);
          try {
            task.run();
          } finally {
            set(worker);
          }
        });
  }

  private static void set(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }
}
