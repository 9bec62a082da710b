package dev.imps.controller.runtime;

import dev.imps.controller.reconcile.ClusterActions;
import dev.imps.controller.reconcile.ClusterState;
import dev.imps.controller.reconcile.MissingSourceGrace;
import dev.imps.controller.reconcile.NamespacePassOutcome;
import dev.imps.controller.reconcile.ReconcileResult;
import dev.imps.controller.reconcile.Reconciler;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.ecr.AwsClients;
import dev.imps.credentials.ecr.EcrCredentialProvider;
import dev.imps.credentials.ecr.EcrTokenCache;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Builds the operator's {@link Reconciler} with the credential providers imps ships (static docker
 * configs and AWS ECR) and owns what they share (the AWS clients and the ECR token cache).
 */
public final class Reconcilers implements AutoCloseable {

  private final AwsClients awsClients;
  private final CredentialProviders providers;
  private final Clock clock;

  private Reconcilers(AwsClients awsClients, Clock clock, EcrTokenCache.FetchObserver fetches) {
    this.awsClients = awsClients;
    this.clock = clock;
    EcrTokenCache cache =
        EcrTokenCache.create(
            clock,
            Duration.ofMinutes(EcrTokenCache.DEFAULT_VALIDITY_MINUTES),
            Duration.ofMinutes(EcrTokenCache.DEFAULT_IDLE_MINUTES),
            fetches);
    this.providers =
        CredentialProviders.of(
            new StaticCredentialProvider(), EcrCredentialProvider.create(cache, awsClients));
  }

  /**
   * Creates the providers with optional AWS endpoint overrides.
   *
   * @param ecrEndpoint where ECR calls go, or {@code null} for the region's endpoint
   * @param stsEndpoint where STS calls go, or {@code null} for the region's endpoint
   * @return the factory
   */
  public static Reconcilers create(URI ecrEndpoint, URI stsEndpoint) {
    return create(ecrEndpoint, stsEndpoint, result -> {});
  }

  /**
   * Creates the providers with optional AWS endpoint overrides, telling an observer of every ECR
   * token fetch (the operator counts them in a metric).
   *
   * @param ecrEndpoint where ECR calls go, or {@code null} for the region's endpoint
   * @param stsEndpoint where STS calls go, or {@code null} for the region's endpoint
   * @param fetches told the result of every ECR token fetch
   * @return the factory
   */
  public static Reconcilers create(
      URI ecrEndpoint, URI stsEndpoint, EcrTokenCache.FetchObserver fetches) {
    AwsClients.Builder aws = AwsClients.builder();
    if (ecrEndpoint != null) {
      aws.ecrEndpoint(ecrEndpoint);
    }
    if (stsEndpoint != null) {
      aws.stsEndpoint(stsEndpoint);
    }
    return new Reconcilers(aws.build(), Clock.systemUTC(), fetches);
  }

  /**
   * Returns a factory for {@link ImpsOperator} that builds a reconciler with these providers.
   *
   * @param periodicInterval the periodic reconcile interval
   * @return the factory
   */
  public ImpsOperator.ReconcilerFactory factory(Duration periodicInterval) {
    return factory(periodicInterval, MissingSourceGrace.DEFAULT);
  }

  /**
   * Returns a factory for {@link ImpsOperator} that builds a reconciler with these providers.
   *
   * @param periodicInterval the periodic reconcile interval
   * @param missingSourceGrace how long a missing source keeps its last good credentials
   * @return the factory
   */
  public ImpsOperator.ReconcilerFactory factory(
      Duration periodicInterval, Duration missingSourceGrace) {
    return (ClusterState state, ClusterActions actions, ExecutorService writePool) -> {
      Reconciler reconciler =
          Reconciler.builder()
              .clusterState(state)
              .clusterActions(actions)
              .credentialProviders(providers)
              .periodicInterval(periodicInterval)
              .missingSourceGrace(missingSourceGrace)
              .clock(clock)
              .writeExecutor(MdcExecutor.wrap(writePool))
              .namespaceWriteExecutor(WriteLane.urgentOnCallingThread())
              .build();
      return new ImpsOperator.NameReconciler() {
        @Override
        public ReconcileResult reconcile(String name) {
          return reconciler.reconcile(name);
        }

        @Override
        public NamespacePassOutcome reconcileNamespace(String name, String namespace) {
          return reconciler.reconcileNamespace(name, namespace);
        }

        @Override
        public ReconcileResult sweepOrphans() {
          return reconciler.sweepOrphans();
        }
      };
    };
  }

  /**
   * Returns the credential providers, for the {@code refresh} command.
   *
   * @return static and ECR providers
   */
  public CredentialProviders providers() {
    return providers;
  }

  @Override
  public void close() {
    awsClients.close();
  }
}
