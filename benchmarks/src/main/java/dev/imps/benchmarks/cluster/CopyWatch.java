package dev.imps.benchmarks.cluster;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Watches every namespace for Secrets of one name and records when each namespace's copy was first
 * seen ({@link System#nanoTime()} in this JVM), so the benchmark observes imps and the tight loop
 * the same way. It also tracks which namespaces hold the secret now, to await deletions.
 *
 * <p>It lists first and watches from the list's resource version, so no event is lost between the
 * two; a watch that ends is resumed from the last version seen, and a 410 Gone answer lists again.
 * A Secret deleted and created again keeps its first time.
 */
public final class CopyWatch implements AutoCloseable {

  private static final Type EVENT = new TypeToken<Watch.Response<V1Secret>>() {}.getType();
  private static final int WATCH_TIMEOUT_SECONDS = 1800;

  private final ApiClient client;
  private final CoreV1Api core;
  private final String secretName;
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final Set<String> present = ConcurrentHashMap.newKeySet();
  private final Object changed = new Object();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Watch<V1Secret> current;
  private volatile RuntimeException failure;

  private CopyWatch(ApiClient client, String secretName) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.secretName = secretName;
    this.thread = new Thread(this::loop, "bench-watch-" + secretName);
    this.thread.setDaemon(true);
  }

  /**
   * Starts watching and returns once the first list has been read and the watch is open.
   *
   * @param client a client with read timeout 0
   * @param secretName the Secret name to watch for
   * @return the running watch
   * @throws ApiException if the first list fails
   */
  public static CopyWatch start(ApiClient client, String secretName) throws ApiException {
    CopyWatch watch = new CopyWatch(client, secretName);
    String version = watch.list();
    watch.openWatch(version);
    watch.thread.start();
    return watch;
  }

  private String list() throws ApiException {
    V1SecretList list =
        core.listSecretForAllNamespaces().fieldSelector("metadata.name=" + secretName).execute();
    long now = System.nanoTime();
    present.clear();
    for (V1Secret secret : list.getItems()) {
      firstSeen.putIfAbsent(secret.getMetadata().getNamespace(), now);
      present.add(secret.getMetadata().getNamespace());
    }
    signal();
    return list.getMetadata().getResourceVersion();
  }

  private void openWatch(String version) throws ApiException {
    current =
        Watch.createWatch(
            client,
            core.listSecretForAllNamespaces()
                .fieldSelector("metadata.name=" + secretName)
                .resourceVersion(version)
                .timeoutSeconds(WATCH_TIMEOUT_SECONDS)
                .watch(true)
                .buildCall(null),
            EVENT);
  }

  private void loop() {
    String version = null;
    int failures = 0;
    while (!closed) {
      try {
        if (current == null) {
          openWatch(version != null ? version : list());
        }
        for (Watch.Response<V1Secret> event : current) {
          if ("ERROR".equals(event.type)) {
            if (event.status != null && Integer.valueOf(410).equals(event.status.getCode())) {
              version = null;
            }
            break;
          }
          V1Secret secret = event.object;
          if (secret == null || secret.getMetadata() == null) {
            continue;
          }
          version = secret.getMetadata().getResourceVersion();
          String namespace = secret.getMetadata().getNamespace();
          if ("ADDED".equals(event.type) || "MODIFIED".equals(event.type)) {
            firstSeen.putIfAbsent(namespace, System.nanoTime());
            present.add(namespace);
            signal();
          } else if ("DELETED".equals(event.type)) {
            present.remove(namespace);
            signal();
          }
        }
        failures = 0;
      } catch (ApiException | RuntimeException e) {
        if (closed) {
          return;
        }
        if (++failures > 20) {
          failure =
              new IllegalStateException("watch of secrets named " + secretName + " failed", e);
          signal();
          return;
        }
        sleepQuietly(Duration.ofMillis(200L * failures));
      } finally {
        closeCurrent();
      }
    }
  }

  private void signal() {
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  /**
   * Returns when each namespace's copy was first seen.
   *
   * @return namespace to {@link System#nanoTime()}; a live view
   */
  public Map<String, Long> firstSeen() {
    return firstSeen;
  }

  /**
   * Returns how many namespaces have had the copy.
   *
   * @return the count
   */
  public int count() {
    return firstSeen.size();
  }

  /**
   * Waits until at least {@code count} namespaces have had the copy.
   *
   * @param count how many
   * @param timeout how long to wait at most
   * @return true if reached, false on timeout
   * @throws InterruptedException if interrupted
   * @throws IllegalStateException if the watch failed for good
   */
  public boolean awaitCount(int count, Duration timeout) throws InterruptedException {
    return awaitUntil(() -> firstSeen.size() >= count, timeout);
  }

  /**
   * Waits until at least {@code count} namespaces have had the copy that {@code operator} writes.
   *
   * @param count how many
   * @param timeout how long to wait at most
   * @param operator the operator, whose log tail goes into the failure
   * @throws InterruptedException if interrupted
   * @throws IllegalStateException if fewer copies came in time, or if the watch failed for good
   */
  public void awaitCopies(int count, Duration timeout, OperatorJvm operator)
      throws InterruptedException {
    if (!awaitCount(count, timeout)) {
      throw new IllegalStateException(
          "imps created "
              + count()
              + " of "
              + count
              + " copies within "
              + timeout
              + "; operator log:\n"
              + operator.logTail(30));
    }
  }

  /**
   * Waits until no namespace holds the secret any more.
   *
   * @param timeout how long to wait at most
   * @return true if none is left, false on timeout
   * @throws InterruptedException if interrupted
   * @throws IllegalStateException if the watch failed for good
   */
  public boolean awaitNonePresent(Duration timeout) throws InterruptedException {
    return awaitUntil(present::isEmpty, timeout);
  }

  /** Waits, holding {@code changed} while it tests, until {@code done} holds or time is up. */
  private boolean awaitUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (!done.getAsBoolean()) {
        if (failure != null) {
          throw failure;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.wait(Math.max(1, Math.min(left / 1_000_000, 500)));
      }
    }
    return true;
  }

  /**
   * Returns how many namespaces hold the secret now.
   *
   * @return the count
   */
  public int presentCount() {
    return present.size();
  }

  /**
   * Returns the time the first copy arrived.
   *
   * @return the smallest {@link System#nanoTime()} recorded
   * @throws IllegalStateException if nothing was seen
   */
  public long firstArrival() {
    return firstSeen.values().stream()
        .mapToLong(Long::longValue)
        .min()
        .orElseThrow(() -> new IllegalStateException("no secret named " + secretName + " seen"));
  }

  /**
   * Returns the time the last of the copies seen so far arrived.
   *
   * @return the largest {@link System#nanoTime()} recorded
   * @throws IllegalStateException if nothing was seen
   */
  public long lastArrival() {
    return firstSeen.values().stream()
        .mapToLong(Long::longValue)
        .max()
        .orElseThrow(() -> new IllegalStateException("no secret named " + secretName + " seen"));
  }

  private void closeCurrent() {
    Watch<V1Secret> watch = current;
    current = null;
    if (watch != null) {
      try {
        watch.close();
      } catch (IOException e) {
        // the stream is gone either way
      }
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops watching. */
  @Override
  public void close() {
    closed = true;
    closeCurrent();
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
