package dev.imps.controller.cli;

import dev.imps.controller.leader.LeaderElectionSettings;
import dev.imps.controller.metrics.EcrFetchMetrics;
import dev.imps.controller.metrics.MetricsAddress;
import dev.imps.controller.runtime.ImpsOperator;
import dev.imps.controller.runtime.KubeClients;
import dev.imps.controller.runtime.OperatorSettings;
import dev.imps.controller.runtime.Reconcilers;
import dev.imps.controller.runtime.WriteMode;
import io.kubernetes.client.openapi.ApiClient;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code imps controller}: runs the operator until stopped. Takes IMPS's flags unchanged, plus
 * imps's own.
 */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description = "Run the operator (the default command).",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:stopped (SIGTERM)",
      "1:an unexpected error (logged with its stack trace)",
      "2:bad command line",
      "3:the leader election Lease was lost; the pod restarts and campaigns again",
      "4:the API server did not answer at start-up (the log names the server)",
    })
final class ControllerCommand implements Callable<Integer> {

  /** Exit status after the Lease was lost; Kubernetes restarts the pod, which campaigns again. */
  static final int LEADERSHIP_LOST = 3;

  /** Exit status when the API server did not answer at start-up. */
  static final int API_SERVER_UNREACHABLE = 4;

  private static final Logger LOG = LoggerFactory.getLogger(ControllerCommand.class);
  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Mixin CommonOptions common;

  @Option(
      names = "--metrics-addr",
      paramLabel = "ADDR",
      defaultValue = ":8080",
      description =
          "Where /metrics, /healthz and /readyz listen: [host]:port, or 0 to disable."
              + " Default: ${DEFAULT-VALUE}.")
  String metricsAddress;

  @Option(
      names = "--periodic-reconcile-interval",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Reconcile every ImagePullSecret at least this often. Default: ${DEFAULT-VALUE}.")
  long periodicSeconds;

  @Option(
      names = "--missing-source-grace",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "How long a source secret that is missing (deleted, or being re-created) keeps"
              + " contributing its last good credentials; 0 drops it at once. Removing it from the"
              + " spec always drops it at once. Default: ${DEFAULT-VALUE}.")
  long missingSourceGraceSeconds;

  @Option(
      names = "--enable-leader-election",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description = "Hold a Lease in --config-namespace before writing, for several replicas.")
  boolean leaderElection;

  @Option(
      names = "--config-namespace",
      paramLabel = "NAMESPACE",
      description =
          "Namespace of the leader election Lease. Default: $POD_NAMESPACE, the pod's own"
              + " namespace, else default.")
  String configNamespace;

  @Option(
      names = "--leader-election-id",
      paramLabel = "NAME",
      defaultValue = LeaderElectionSettings.DEFAULT_LEASE_NAME,
      description = "Name of the Lease. Default: ${DEFAULT-VALUE}.")
  String leaseName;

  @Option(
      names = "--lease-duration",
      paramLabel = "SECONDS",
      defaultValue = "40",
      description = "How long a Lease lasts without renewal. Default: ${DEFAULT-VALUE}.")
  long leaseSeconds;

  @Option(
      names = "--renew-deadline",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long the leader tries to renew before giving up; the default rides out an API"
              + " server outage of 15 s and more. Default: ${DEFAULT-VALUE}.")
  long renewSeconds;

  @Option(
      names = "--retry-period",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "How often candidates try to acquire the Lease. Default: ${DEFAULT-VALUE}.")
  long retrySeconds;

  @Option(
      names = "--qps",
      paramLabel = "N",
      defaultValue = "50",
      description = "Sustained API writes per second. Default: ${DEFAULT-VALUE}.")
  double qps;

  @Option(
      names = "--burst",
      paramLabel = "N",
      defaultValue = "100",
      description = "API writes that may go at once. Default: ${DEFAULT-VALUE}.")
  int burst;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "2",
      description = "ImagePullSecrets reconciled at the same time. Default: ${DEFAULT-VALUE}.")
  int workers;

  @Option(
      names = "--write-threads",
      paramLabel = "N",
      defaultValue = "8",
      description = "Parallel writes within one reconciliation. Default: ${DEFAULT-VALUE}.")
  int writeThreads;

  @Option(
      names = "--write-rate",
      paramLabel = "MODE",
      defaultValue = "fixed",
      description =
          "fixed: --qps, --burst and --write-threads. adaptive: no rate; as many writes in flight"
              + " as the API server answers without 429s or rising latency, at most"
              + " --max-writes-in-flight. Default: ${DEFAULT-VALUE}.")
  String writeRate;

  @Option(
      names = "--max-writes-in-flight",
      paramLabel = "N",
      defaultValue = "32",
      description =
          "The most writes in flight with --write-rate=adaptive. Default: ${DEFAULT-VALUE}.")
  int maxWritesInFlight;

  @Option(
      names = "--service-account-patching",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description =
          "Let ImagePullSecrets add their secret to ServiceAccounts (spec.target.serviceAccounts)."
              + " With false, ServiceAccounts are neither watched nor patched and need no RBAC."
              + " Default: ${DEFAULT-VALUE}.")
  boolean serviceAccountPatching;

  @Option(
      names = "--ecr-endpoint",
      paramLabel = "URL",
      hidden = true,
      description = "Send ECR calls here instead of the region's endpoint (tests, proxies).")
  URI ecrEndpoint;

  @Option(
      names = "--sts-endpoint",
      paramLabel = "URL",
      hidden = true,
      description = "Send STS calls here instead of the region's endpoint (tests, proxies).")
  URI stsEndpoint;

  @Override
  public Integer call() throws Exception {
    common.configureLogging();
    OperatorSettings settings = settings();
    Duration missingSourceGrace = missingSourceGrace();
    ApiClient client = KubeClients.create(common.kubeconfig);
    if (!common.apiServerAnswers(KubeClients.forRequests(client))) {
      return API_SERVER_UNREACHABLE;
    }
    CollectorRegistry registry = CollectorRegistry.defaultRegistry;
    DefaultExports.initialize();
    Reconcilers reconcilers =
        Reconcilers.create(ecrEndpoint, stsEndpoint, EcrFetchMetrics.register(registry));
    ImpsOperator operator =
        ImpsOperator.create(
            client,
            settings,
            registry,
            reconcilers.factory(settings.periodicInterval(), missingSourceGrace),
            () -> {
              // Exit from a fresh thread: the shutdown hooks stop the thread that reports the loss.
              Thread exit = new Thread(() -> System.exit(LEADERSHIP_LOST), "imps-exit");
              exit.start();
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  operator.close();
                  reconcilers.close();
                },
                "imps-shutdown"));
    LOG.info(
        "starting imps controller as {} (periodic reconcile every {} s, leader election {}, {})",
        settings.identity(),
        settings.periodicInterval().toSeconds(),
        settings.leaderElection().isPresent() ? "on" : "off",
        ClassArchiveUse.ofThisJvm().describe());
    operator.start();
    operator.awaitStopped();
    return 0;
  }

  Duration missingSourceGrace() {
    if (missingSourceGraceSeconds < 0) {
      throw new IllegalArgumentException(
          "--missing-source-grace must not be negative, got " + missingSourceGraceSeconds);
    }
    return Duration.ofSeconds(missingSourceGraceSeconds);
  }

  WriteMode writeMode() {
    return switch (writeRate == null ? "" : writeRate.trim().toLowerCase(Locale.ROOT)) {
      case "fixed" -> new WriteMode(WriteMode.Kind.FIXED, maxWritesInFlight);
      case "adaptive" -> WriteMode.adaptive(maxWritesInFlight);
      default ->
          throw new IllegalArgumentException(
              "--write-rate must be fixed or adaptive, got '" + writeRate + "'");
    };
  }

  OperatorSettings settings() {
    String identity = identity();
    OperatorSettings settings =
        new OperatorSettings(
            Duration.ofSeconds(periodicSeconds),
            qps,
            burst,
            workers,
            writeThreads,
            MetricsAddress.parse(metricsAddress),
            Optional.empty(),
            identity,
            serviceAccountPatching,
            writeMode());
    if (leaderElection) {
      settings =
          settings.withLeaderElection(
              new LeaderElectionSettings(
                  configNamespace != null ? configNamespace : ownNamespace(),
                  leaseName,
                  identity,
                  Duration.ofSeconds(leaseSeconds),
                  Duration.ofSeconds(renewSeconds),
                  Duration.ofSeconds(retrySeconds)));
    }
    return settings;
  }

  /** The pod name if Kubernetes tells it, else the host name, plus a random suffix per process. */
  static String identity() {
    String base = System.getenv("POD_NAME");
    if (base == null || base.isBlank()) {
      try {
        base = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        base = "imps";
      }
    }
    return base + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String ownNamespace() {
    String fromEnvironment = System.getenv("POD_NAMESPACE");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.trim();
    }
    try {
      if (Files.isReadable(SERVICE_ACCOUNT_NAMESPACE)) {
        return Files.readString(SERVICE_ACCOUNT_NAMESPACE, StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      LOG.debug("cannot read {}", SERVICE_ACCOUNT_NAMESPACE, e);
    }
    return "default";
  }
}
