package dev.imps.controller.it.support;

import dev.imps.controller.metrics.EcrFetchMetrics;
import dev.imps.controller.reconcile.MissingSourceGrace;
import dev.imps.controller.runtime.ImpsOperator;
import dev.imps.controller.runtime.OperatorSettings;
import dev.imps.controller.runtime.Reconcilers;
import io.kubernetes.client.openapi.ApiClient;
import io.prometheus.client.CollectorRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * The operator running inside the test JVM against the test control plane, with its own metrics
 * registry so several can run one after another.
 */
public final class RunningOperator implements AutoCloseable {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final ImpsOperator operator;
  private final Reconcilers reconcilers;
  private final CollectorRegistry registry;
  private final AtomicInteger leadershipLost = new AtomicInteger();

  private RunningOperator(
      ApiClient client,
      UnaryOperator<OperatorSettings> customise,
      URI awsEndpoint,
      Duration missingSourceGrace) {
    OperatorSettings settings =
        customise.apply(OperatorSettings.defaults("it-operator-" + SEQUENCE.incrementAndGet()));
    this.registry = new CollectorRegistry(true);
    // As imps controller wires it: ECR fetches counted in the operator's registry.
    this.reconcilers =
        Reconcilers.create(awsEndpoint, awsEndpoint, EcrFetchMetrics.register(registry));
    this.operator =
        ImpsOperator.create(
            client,
            settings,
            registry,
            reconcilers.factory(settings.periodicInterval(), missingSourceGrace),
            leadershipLost::incrementAndGet);
  }

  /**
   * Starts an operator with default settings and waits until it reconciles.
   *
   * @param client the client it acts as
   * @return the running operator
   */
  public static RunningOperator start(ApiClient client) {
    return start(client, settings -> settings, null);
  }

  /**
   * Starts an operator and waits until it reconciles.
   *
   * @param client the client it acts as
   * @param customise changes to the default settings
   * @param awsEndpoint where ECR and STS calls go (moto), or null
   * @return the running operator
   */
  public static RunningOperator start(
      ApiClient client, UnaryOperator<OperatorSettings> customise, URI awsEndpoint) {
    return start(client, customise, awsEndpoint, MissingSourceGrace.DEFAULT);
  }

  /**
   * Starts an operator with a given missing source grace ({@code --missing-source-grace}) and waits
   * until it reconciles.
   *
   * @param client the client it acts as
   * @param customise changes to the default settings
   * @param awsEndpoint where ECR and STS calls go (moto), or null
   * @param missingSourceGrace how long a missing source keeps its last good credentials
   * @return the running operator
   */
  public static RunningOperator start(
      ApiClient client,
      UnaryOperator<OperatorSettings> customise,
      URI awsEndpoint,
      Duration missingSourceGrace) {
    RunningOperator running =
        new RunningOperator(client, customise, awsEndpoint, missingSourceGrace);
    running.operator.start();
    return running;
  }

  /**
   * Waits until the caches are synced and the workers run.
   *
   * @return this
   */
  public RunningOperator awaitReconciling() {
    Awaitility.await("operator reconciling")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(operator::isReconciling);
    Awaitility.await("operator caches synced")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(operator::isReady);
    return this;
  }

  /**
   * Returns the operator.
   *
   * @return the operator
   */
  public ImpsOperator operator() {
    return operator;
  }

  /**
   * Returns the operator's metrics.
   *
   * @return its registry
   */
  public CollectorRegistry registry() {
    return registry;
  }

  /**
   * Reads one sample of a metric.
   *
   * @param name the sample name
   * @param labelNames label names
   * @param labelValues label values
   * @return the value, or null if absent
   */
  public Double metric(String name, String[] labelNames, String[] labelValues) {
    return registry.getSampleValue(name, labelNames, labelValues);
  }

  /**
   * Tells how often the Lease was lost.
   *
   * @return the count
   */
  public int leadershipLost() {
    return leadershipLost.get();
  }

  @Override
  public void close() {
    operator.close();
    reconcilers.close();
  }
}
