package dev.imps.controller.cli;

import dev.imps.controller.metrics.EcrFetchMetrics;
import dev.imps.controller.metrics.HealthServer;
import dev.imps.controller.metrics.MetricsAddress;
import dev.imps.controller.reconcile.SecretRef;
import dev.imps.controller.runtime.KubeClients;
import dev.imps.controller.runtime.Reconcilers;
import dev.imps.controller.runtime.SecretRefresher;
import dev.imps.credentials.ecr.EcrTokenCache;
import io.kubernetes.client.openapi.ApiClient;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code imps refresh}: IMPS's refresher. Keeps one target secret merged from source secrets, with
 * no {@code ImagePullSecret} involved, until stopped.
 */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description = "Keep one target secret merged from source secrets (IMPS's refresher).",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:stopped (SIGTERM)",
      "1:an unexpected error (logged with its stack trace)",
      "2:bad command line",
      "4:the API server did not answer at start-up (the log names the server)",
    })
final class RefreshCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshCommand.class);

  @Mixin CommonOptions common;

  @Option(
      names = "--source-secret",
      paramLabel = "NAMESPACE.NAME",
      required = true,
      description = "A source secret; repeat for several (earlier ones win per registry).")
  List<String> sources;

  @Option(
      names = "--target-secret",
      paramLabel = "NAMESPACE.NAME",
      required = true,
      description = "The kubernetes.io/dockerconfigjson secret to keep.")
  String target;

  @Option(
      names = "--periodic-reconcile-interval",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Refresh at least this often (sooner before credentials expire)."
              + " Default: ${DEFAULT-VALUE}.")
  long periodicSeconds;

  @Option(
      names = "--metrics-addr",
      paramLabel = "ADDR",
      defaultValue = "0",
      description =
          "Where /metrics (JVM and process metrics), /healthz and /readyz listen: [host]:port,"
              + " or 0 to disable (IMPS's refresher flag). Default: ${DEFAULT-VALUE}.")
  String metricsAddress;

  @Option(names = "--ecr-endpoint", paramLabel = "URL", hidden = true)
  URI ecrEndpoint;

  @Option(names = "--sts-endpoint", paramLabel = "URL", hidden = true)
  URI stsEndpoint;

  @Override
  public Integer call() throws Exception {
    common.configureLogging();
    if (periodicSeconds <= 0) {
      throw new IllegalArgumentException("--periodic-reconcile-interval must be positive");
    }
    List<SecretRef> sourceRefs =
        sources.stream().map(s -> SecretRefresher.parseRef("--source-secret", s)).toList();
    SecretRef targetRef = SecretRefresher.parseRef("--target-secret", target);
    ApiClient client = KubeClients.forRequests(KubeClients.create(common.kubeconfig));
    if (!common.apiServerAnswers(client)) {
      return ControllerCommand.API_SERVER_UNREACHABLE;
    }
    Optional<InetSocketAddress> metricsAt = MetricsAddress.parse(metricsAddress);
    EcrTokenCache.FetchObserver fetches =
        metricsAt.isPresent()
            ? EcrFetchMetrics.register(CollectorRegistry.defaultRegistry)
            : result -> {};
    try (Reconcilers credentials = Reconcilers.create(ecrEndpoint, stsEndpoint, fetches);
        HealthServer endpoints = metricsAt.isPresent() ? serve(metricsAt.get()) : null) {
      SecretRefresher refresher =
          new SecretRefresher(
              client,
              sourceRefs,
              targetRef,
              credentials.providers(),
              Duration.ofSeconds(periodicSeconds),
              Clock.systemUTC());
      Thread main = Thread.currentThread();
      Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt, "imps-shutdown"));
      LOG.info("refreshing {} from {}", targetRef, sourceRefs);
      try {
        refresher.run();
      } catch (InterruptedException e) {
        LOG.info("stopping");
      }
    }
    return 0;
  }

  private static HealthServer serve(InetSocketAddress address) {
    DefaultExports.initialize();
    return HealthServer.serve(address, CollectorRegistry.defaultRegistry, () -> true);
  }
}
