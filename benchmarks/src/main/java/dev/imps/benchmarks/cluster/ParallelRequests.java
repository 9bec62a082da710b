package dev.imps.benchmarks.cluster;

import dev.imps.controller.runtime.WriteRateLimiter;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends {@code count} requests from {@code threads} threads as fast as the API server (and an
 * optional client-side rate limiter) allows: the tight parallel loop.
 *
 * <p>A request the API server answers with 429, 500, 503 or 504, or that fails on the connection,
 * is retried up to {@value #ATTEMPTS} times in all with a short pause; any other error, or running
 * out of attempts, stops every thread and is thrown.
 */
public final class ParallelRequests {

  /** One request, by index. */
  @FunctionalInterface
  public interface Request {
    /**
     * Sends request number {@code index}.
     *
     * @param index from 0 to count − 1, each exactly once
     * @throws ApiException if the API server rejects it
     */
    void send(int index) throws ApiException;
  }

  /** How often one request is tried in all. */
  static final int ATTEMPTS = 6;

  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

  private ParallelRequests() {}

  /**
   * Sends the requests and waits for all of them.
   *
   * @param what what is sent, for error messages (for example {@code create namespace})
   * @param count how many requests
   * @param threads how many run at once, at least 1
   * @param limiter the client-side rate limiter each request first acquires, or empty for none
   * @param request the request
   * @return the time from the first send to the last answer
   * @throws IllegalStateException naming the request index and the API server's status if one fails
   *     for good
   * @throws InterruptedException if interrupted while waiting
   */
  public static Duration send(
      String what, int count, int threads, Optional<WriteRateLimiter> limiter, Request request)
      throws InterruptedException {
    Objects.requireNonNull(request, "request");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < Math.min(threads, Math.max(count, 1)); t++) {
      Thread worker =
          new Thread(
              () -> {
                int index;
                while (failure.get() == null && (index = next.getAndIncrement()) < count) {
                  try {
                    if (limiter.isPresent()) {
                      limiter.get().acquire();
                    }
                    sendWithRetries(what, index, request);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, new IllegalStateException(what + " interrupted"));
                  } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                  }
                }
              },
              "bench-" + what.replace(' ', '-') + "-" + t);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    try {
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, new IllegalStateException(what + " interrupted"));
      for (Thread worker : workers) {
        worker.join();
      }
      throw e;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (failure.get() != null) {
      throw failure.get();
    }
    return elapsed;
  }

  private static void sendWithRetries(String what, int index, Request request)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        request.send(index);
        return;
      } catch (ApiException e) {
        if (!retryable(e.getCode()) || attempt >= ATTEMPTS) {
          throw new IllegalStateException(
              what
                  + " #"
                  + index
                  + " failed after "
                  + attempt
                  + " attempt(s): HTTP "
                  + e.getCode()
                  + (e.getCode() == 0 ? " (" + e.getMessage() + ")" : ""),
              e);
        }
        Thread.sleep(RETRY_PAUSE.toMillis() * attempt);
      }
    }
  }

  /**
   * Tells whether an answer is worth retrying.
   *
   * @param code the HTTP status, or 0 for a connection failure
   * @return true for 0, 429, 500, 503 and 504
   */
  static boolean retryable(int code) {
    return code == 0 || code == 429 || code == 500 || code == 503 || code == 504;
  }
}
