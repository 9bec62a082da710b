package dev.imps.controller.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's Prometheus metrics, registered in one {@link CollectorRegistry}.
 *
 * <p>Per {@code ImagePullSecret} (label {@value #CR_LABEL}): reconciles, failed reconciles and
 * their duration, the number of managed namespaces, and when the earliest credential in its secret
 * expires (an absolute {@code _timestamp_seconds}, so it never goes stale: alert on {@code
 * imps_credentials_expiry_timestamp_seconds - time() < 3600}). Per API verb and resource: writes
 * sent and writes the API server throttled. Thread-safe.
 */
public final class OperatorMetrics {

  /** The label that names the {@code ImagePullSecret}, {@value}. */
  public static final String CR_LABEL = "imagepullsecret";

  private final Counter reconciles;
  private final Counter reconcileErrors;
  private final Histogram reconcileDuration;
  private final Gauge managedNamespaces;
  private final Counter apiWrites;
  private final Counter apiThrottled;
  private final Gauge expiry;

  private OperatorMetrics(CollectorRegistry registry) {
    reconciles =
        Counter.build("imps_reconcile_total", "Reconciliations of an ImagePullSecret.")
            .labelNames(CR_LABEL)
            .register(registry);
    reconcileErrors =
        Counter.build(
                "imps_reconcile_errors_total",
                "Reconciliations of an ImagePullSecret that did not reach Ready.")
            .labelNames(CR_LABEL)
            .register(registry);
    reconcileDuration =
        Histogram.build(
                "imps_reconcile_duration_seconds", "How long one reconciliation of a CR took.")
            .labelNames(CR_LABEL)
            .buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .register(registry);
    managedNamespaces =
        Gauge.build(
                "imps_managed_namespaces", "Namespaces that hold a copy of the CR's pull secret.")
            .labelNames(CR_LABEL)
            .register(registry);
    apiWrites =
        Counter.build("imps_api_writes_total", "Write requests sent to the Kubernetes API.")
            .labelNames("verb", "resource")
            .register(registry);
    apiThrottled =
        Counter.build(
                "imps_api_throttled_total",
                "Write requests the Kubernetes API answered with 429 Too Many Requests.")
            .labelNames("verb", "resource")
            .register(registry);
    expiry =
        Gauge.build(
                "imps_credentials_expiry_timestamp_seconds",
                "When the earliest credential in the CR's pull secret expires, in seconds since the"
                    + " epoch; absent for credentials that do not expire.")
            .labelNames(CR_LABEL)
            .register(registry);
  }

  /**
   * Creates the metrics and registers them in {@code registry}.
   *
   * @param registry where to register; the default registry in production, a fresh one in tests
   * @return the metrics
   * @throws IllegalArgumentException if metrics with these names are already registered there
   */
  public static OperatorMetrics register(CollectorRegistry registry) {
    return new OperatorMetrics(registry);
  }

  /**
   * Records one finished reconciliation.
   *
   * @param name the {@code ImagePullSecret}'s name
   * @param duration how long it took
   * @param failed whether it ended in an error or a status other than Ready
   */
  public void reconciled(String name, Duration duration, boolean failed) {
    reconciles.labels(name).inc();
    if (failed) {
      reconcileErrors.labels(name).inc();
    }
    reconcileDuration.labels(name).observe(duration.toNanos() / 1e9);
  }

  /**
   * Sets what a reconciliation observed about a CR.
   *
   * @param name the {@code ImagePullSecret}'s name
   * @param namespaces how many namespaces hold a copy
   * @param earliestExpiry when the first credential in its secret expires, if any does
   */
  public void observed(String name, int namespaces, Optional<Instant> earliestExpiry) {
    managedNamespaces.labels(name).set(namespaces);
    earliestExpiry.ifPresentOrElse(
        at -> expiry.labels(name).set(at.toEpochMilli() / 1000.0), () -> expiry.remove(name));
  }

  /**
   * Drops every series of a CR that no longer exists, so deleted CRs do not linger on dashboards.
   *
   * @param name the {@code ImagePullSecret}'s name
   */
  public void forget(String name) {
    reconciles.remove(name);
    reconcileErrors.remove(name);
    reconcileDuration.remove(name);
    managedNamespaces.remove(name);
    expiry.remove(name);
  }

  /**
   * Counts one write request.
   *
   * @param verb {@code create}, {@code patch}, {@code delete}
   * @param resource the resource, such as {@code secrets}
   */
  public void apiWrite(String verb, String resource) {
    apiWrites.labels(verb, resource).inc();
  }

  /**
   * Counts one write request the API server throttled.
   *
   * @param verb {@code create}, {@code patch}, {@code delete}
   * @param resource the resource, such as {@code secrets}
   */
  public void apiThrottled(String verb, String resource) {
    apiThrottled.labels(verb, resource).inc();
  }
}
