package dev.imps.benchmarks.cluster;

import dev.imps.controller.runtime.KubeClients;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another API client sharing the API server with imps: one after another, a GET of a small
 * ConfigMap and a small write to it (a replace with a counter), {@link #PACE} apart, each request's
 * latency noted. Its p99 idle and while imps converges shows whether imps crowds others out. Its
 * own connections (a client of its own); one thread, stopped by {@link #close()}.
 */
final class SecondClient implements AutoCloseable {

  /** The pause between two GET + write pairs: about 20 pairs a second, a light client. */
  static final Duration PACE = Duration.ofMillis(50);

  private static final String NAMESPACE = "default";

  private final CoreV1Api core;
  private final String name;
  private final List<Double> latenciesMillis = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stop;
  private volatile Exception failure;

  private SecondClient(CoreV1Api core, String name) {
    this.core = core;
    this.name = name;
    this.thread = new Thread(this::loop, "bench-second-client");
    this.thread.setDaemon(true);
  }

  /**
   * Creates its ConfigMap and starts sending.
   *
   * @param kubeconfig the cluster
   * @param name the ConfigMap's name in {@code default}
   * @return the running client
   * @throws IOException if the kubeconfig cannot be read
   * @throws ApiException if the ConfigMap cannot be created
   */
  static SecondClient start(Path kubeconfig, String name) throws IOException, ApiException {
    CoreV1Api core = new CoreV1Api(KubeClients.create(kubeconfig));
    core.createNamespacedConfigMap(
            NAMESPACE,
            new V1ConfigMap().metadata(new V1ObjectMeta().name(name)).data(Map.of("counter", "0")))
        .execute();
    SecondClient client = new SecondClient(core, name);
    client.thread.start();
    return client;
  }

  private void loop() {
    long counter = 0;
    try {
      while (!stop) {
        long start = System.nanoTime();
        V1ConfigMap current = core.readNamespacedConfigMap(name, NAMESPACE).execute();
        note(start);
        current.setData(Map.of("counter", Long.toString(++counter)));
        start = System.nanoTime();
        core.replaceNamespacedConfigMap(name, NAMESPACE, current).execute();
        note(start);
        Thread.sleep(PACE.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ApiException | RuntimeException e) {
      failure = e;
    }
  }

  private void note(long start) {
    synchronized (latenciesMillis) {
      latenciesMillis.add((System.nanoTime() - start) / 1e6);
    }
  }

  /**
   * Returns the latencies noted so far and forgets them.
   *
   * @return milliseconds per request
   * @throws IllegalStateException if a request failed
   */
  List<Double> takeLatencies() {
    if (failure != null) {
      throw new IllegalStateException("the second client's request failed: " + failure);
    }
    synchronized (latenciesMillis) {
      List<Double> taken = new ArrayList<>(latenciesMillis);
      latenciesMillis.clear();
      return taken;
    }
  }

  /** Stops sending and deletes the ConfigMap. */
  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(Duration.ofSeconds(30).toMillis());
    try {
      core.deleteNamespacedConfigMap(name, NAMESPACE).execute();
    } catch (ApiException e) {
      // Best effort: the control plane is thrown away after the benchmark.
    }
  }
}
