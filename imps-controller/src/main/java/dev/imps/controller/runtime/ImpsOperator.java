package dev.imps.controller.runtime;

import dev.imps.controller.leader.LeaderElection;
import dev.imps.controller.metrics.HealthServer;
import dev.imps.controller.metrics.OperatorMetrics;
import dev.imps.controller.reconcile.ClusterActions;
import dev.imps.controller.reconcile.ClusterState;
import dev.imps.controller.reconcile.NamespacePassOutcome;
import dev.imps.controller.reconcile.ReconcileResult;
import io.kubernetes.client.extended.controller.Controller;
import io.kubernetes.client.extended.controller.builder.ControllerBuilder;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.prometheus.client.CollectorRegistry;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The running operator: informer caches, the work queue keyed by {@code ImagePullSecret} name, the
 * reconcile workers, leader election, and the metrics and health endpoints.
 *
 * <p>{@link #start()} returns at once. Caches start immediately (a standby replica keeps warm
 * caches); the workers start once the caches are synced and, with leader election, once this
 * process holds the Lease. Then every CR is queued, as are the owners named by copies whose CR no
 * longer exists, so that copies left behind while imps was down are swept. After that each CR is
 * reconciled when an event concerns it (see {@link WorkRouting}) and again after the delay its last
 * reconciliation asked for (the periodic interval, or sooner before credentials expire).
 *
 * <p>Losing the Lease runs the {@code onLeadershipLost} action (the command line exits non-zero:
 * client-java cannot restart a stopped controller, Kubernetes restarts the pod). {@link #close()}
 * stops everything.
 */
public final class ImpsOperator implements AutoCloseable {

  /** Reconciles one {@code ImagePullSecret} by name. */
  public interface NameReconciler {
    /**
     * Reconciles one CR; if it no longer exists, sweeps what deleted CRs left behind.
     *
     * @param name the CR's name
     * @return what the pass came to
     */
    ReconcileResult reconcile(String name);

    /**
     * Reconciles one namespace's part of one CR (see {@link
     * dev.imps.controller.reconcile.Reconciler#reconcileNamespace}).
     *
     * @param name the CR's name
     * @param namespace the namespace an event concerned
     * @return what to do next
     */
    NamespacePassOutcome reconcileNamespace(String name, String namespace);

    /**
     * Deletes copies and ServiceAccount references of CRs that no longer exist.
     *
     * @return a {@link ReconcileResult.Outcome#GONE} result
     */
    ReconcileResult sweepOrphans();
  }

  /** Builds the reconciler from the runtime's view of the cluster and its writes. */
  @FunctionalInterface
  public interface ReconcilerFactory {
    /**
     * Builds the reconciler.
     *
     * @param state the informer-backed view
     * @param actions the rate-limited writes
     * @param writePool a bounded pool for writes of one reconciliation to run in parallel
     * @return the reconciler
     */
    NameReconciler create(ClusterState state, ClusterActions actions, ExecutorService writePool);
  }

  /**
   * What the informer caches hold: the operator's memory grows with these, not with the cluster.
   *
   * @param imagePullSecrets cached CRs
   * @param namespaces cached namespaces
   * @param pods cached pods (metadata only)
   * @param copies cached secrets with the owner label
   * @param referencedSecrets cached sources and target-name secrets
   * @param secretWatches running watches on referenced secrets
   * @param serviceAccounts cached ServiceAccounts (0 when patching is off)
   */
  public record CacheStats(
      int imagePullSecrets,
      int namespaces,
      int pods,
      int copies,
      int referencedSecrets,
      int secretWatches,
      int serviceAccounts) {}

  /** The MDC key that names the CR in every log line of a reconciliation, {@value}. */
  public static final String MDC_CR = "imagepullsecret";

  private static final Logger LOG = LoggerFactory.getLogger(ImpsOperator.class);

  private final OperatorSettings settings;
  private final OperatorMetrics metrics;
  private final CollectorRegistry registry;
  private final ClusterCaches caches;
  private final InformerClusterState state;
  private final WorkRouting routing;

  /** How long the pass after a referenced secret's deletion waits for its re-creation. */
  static final Duration SOURCE_DELETE_DEBOUNCE = Duration.ofSeconds(3);

  /**
   * How long after a namespace pass changed what the status reports the full pass that rewrites the
   * status runs. A burst of namespace passes within it costs one full pass, whose cost grows with
   * the number of namespaces: the longer the delay, the flatter the cost per event, and the longer
   * the status lags behind the copies (which are in place at once).
   */
  static final Duration STATUS_REFRESH_DELAY = Duration.ofSeconds(5);

  /**
   * Workers of namespace passes, besides {@code --workers} for full passes: a namespace pass's
   * writes go first (the urgent {@link WriteLane}), so one worker keeps up with the events.
   */
  static final int NAMESPACE_WORKERS = 1;

  private final Set<String> statusRefreshPending = ConcurrentHashMap.newKeySet();

  private final RateLimitingQueue<Request> queue;
  private final ExecutorService writePool;
  private final NameReconciler reconciler;
  private final Controller controller;
  private final RateLimitingQueue<Request> namespaceQueue;
  private final Controller namespaceController;
  private final Optional<LeaderElection> leaderElection;
  private final Runnable onLeadershipLost;
  private final AtomicBoolean controllerStarted = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean startUpQueued = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private HealthServer healthServer;

  private ImpsOperator(
      ApiClient client,
      OperatorSettings settings,
      CollectorRegistry registry,
      ReconcilerFactory reconcilers,
      Runnable onLeadershipLost,
      Clock clock) {
    this.settings = settings;
    this.registry = registry;
    this.onLeadershipLost = onLeadershipLost;
    this.metrics = OperatorMetrics.register(registry);
    WriteMode mode = settings.writeMode();
    // Adaptive mode: no rate, the write pool as large as the ceiling, and the workers' urgent
    // namespace-pass writes count within that ceiling (they go first when a place frees).
    ThrottledWrites writes =
        mode.adaptive()
            ? new ThrottledWrites(
                WriteRateLimiter.unlimited(),
                AdaptiveWriteLimit.latencyAware(mode.maxInFlight()),
                metrics)
            : new ThrottledWrites(
                WriteRateLimiter.create(settings.qps(), settings.burst()),
                AdaptiveWriteLimit.create(
                    settings.writeThreads() + settings.workers() + NAMESPACE_WORKERS),
                metrics);
    // Informers watch through client (read timeout 0); every single request goes through a copy
    // with a read timeout, so a server that stops answering cannot hold a worker forever.
    ApiClient requests = KubeClients.forRequests(client);
    KubeEventRecorder events = new KubeEventRecorder(requests, writes, settings.identity(), clock);
    KubeClusterActions actions = new KubeClusterActions(requests, writes, events);
    this.queue =
        new DefaultRateLimitingQueue<>(Executors.newSingleThreadExecutor(daemon("imps-queue")));
    this.caches =
        new ClusterCaches(client, settings.serviceAccountPatching(), this::referencedSecretChanged);
    this.state = new InformerClusterState(caches, new CoreV1Api(requests));
    this.routing =
        new WorkRouting(caches, this::enqueue, this::enqueueNamespace, startUpQueued::get);
    this.writePool =
        Executors.newFixedThreadPool(
            mode.adaptive() ? mode.maxInFlight() : settings.writeThreads(), daemon("imps-write"));
    this.reconciler = reconcilers.create(state, actions, writePool);
    caches.imagePullSecrets.addEventHandler(routing.imagePullSecrets());
    caches.namespaces.addEventHandler(routing.namespaces());
    caches.pods.addEventHandler(routing.pods());
    caches.copies.addEventHandler(routing.copies());
    if (caches.serviceAccounts != null) {
      caches.serviceAccounts.addEventHandler(routing.serviceAccounts());
    }
    this.controller =
        ControllerBuilder.defaultBuilder(caches.factory)
            .withName("imps")
            .withWorkQueue(queue)
            .withReconciler(this::reconcile)
            .withWorkerCount(settings.workers())
            .withReadyFunc(caches::hasSynced)
            .withReadyTimeout(Duration.ofDays(3650))
            .build();
    // Namespace passes have a queue and a worker of their own, so a namespace created while
    // full passes run over thousands of namespaces does not wait for them.
    this.namespaceQueue =
        new DefaultRateLimitingQueue<>(
            Executors.newSingleThreadExecutor(daemon("imps-namespace-queue")));
    this.namespaceController =
        ControllerBuilder.defaultBuilder(caches.factory)
            .withName("imps-namespaces")
            .withWorkQueue(namespaceQueue)
            .withReconciler(this::reconcileNamespace)
            .withWorkerCount(NAMESPACE_WORKERS)
            .withReadyFunc(caches::hasSynced)
            .withReadyTimeout(Duration.ofDays(3650))
            .build();
    this.leaderElection =
        settings.leaderElection().map(le -> new LeaderElection(KubeClients.forLease(client), le));
  }

  /**
   * Creates an operator; nothing runs until {@link #start()}.
   *
   * @param client the API client, read timeout 0; informers use it as is, single requests use a
   *     copy with a read timeout ({@link KubeClients#forRequests(ApiClient)})
   * @param settings how to run
   * @param registry where metrics are registered
   * @param reconcilers builds the reconciler
   * @param onLeadershipLost what to do if the Lease is lost after it was held
   * @return the operator
   */
  public static ImpsOperator create(
      ApiClient client,
      OperatorSettings settings,
      CollectorRegistry registry,
      ReconcilerFactory reconcilers,
      Runnable onLeadershipLost) {
    Objects.requireNonNull(client, "client");
    if (client.getReadTimeout() != 0) {
      throw new IllegalArgumentException("the API client's read timeout must be 0 for informers");
    }
    return new ImpsOperator(
        client, settings, registry, reconcilers, onLeadershipLost, Clock.systemUTC());
  }

  /**
   * Starts the endpoints and caches, and the workers once leading.
   *
   * @throws UncheckedIOException if the metrics address cannot be bound
   */
  public synchronized void start() {
    if (settings.metricsAddress().isPresent()) {
      healthServer = HealthServer.serve(settings.metricsAddress().get(), registry, this::isReady);
    }
    caches.start();
    if (leaderElection.isPresent()) {
      leaderElection.get().start(this::startController, this::leadershipLost);
    } else {
      startController();
    }
  }

  /**
   * Tells whether the caches have synced (what {@code /readyz} reports).
   *
   * @return true once every informer has listed
   */
  public boolean isReady() {
    return caches.hasSynced();
  }

  /**
   * Tells whether the workers run: leading (or no leader election) and synced.
   *
   * @return true once reconciling
   */
  public boolean isReconciling() {
    return controllerStarted.get() && !closed.get();
  }

  /**
   * Counts what the caches hold, for tests and benchmarks.
   *
   * @return the counts
   */
  public CacheStats cacheStats() {
    return new CacheStats(
        caches.imagePullSecrets.getIndexer().list().size(),
        caches.namespaces.getIndexer().list().size(),
        caches.pods.getIndexer().list().size(),
        caches.copies.getIndexer().list().size(),
        caches.referenced.cachedSecrets(),
        caches.referenced.watches().size(),
        caches.serviceAccounts == null ? 0 : caches.serviceAccounts.getIndexer().list().size());
  }

  /**
   * Returns where the metrics server listens.
   *
   * @return the bound address, or empty if there is none
   */
  public Optional<InetSocketAddress> metricsAddress() {
    return Optional.ofNullable(healthServer).map(HealthServer::address);
  }

  /**
   * Blocks until {@link #close()} has run.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Stops the workers, the caches, leader election (releasing the Lease) and the endpoints. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    leaderElection.ifPresent(LeaderElection::close);
    controller.shutdown();
    namespaceController.shutdown();
    caches.close();
    writePool.shutdownNow();
    if (healthServer != null) {
      healthServer.close();
    }
    stopped.countDown();
  }

  private void startController() {
    if (closed.get() || !controllerStarted.compareAndSet(false, true)) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                awaitSynced();
                routing.refreshWatches();
                // Namespace passes from here on; the full passes queued next cover what came
                // before.
                startUpQueued.set(true);
                queueEverything();
                LOG.info("caches synced; reconciling with {} workers", settings.workers());
                Thread namespaces = new Thread(namespaceController::run, "imps-namespaces");
                namespaces.setDaemon(true);
                namespaces.start();
                controller.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "imps-controller");
    thread.start();
  }

  private void awaitSynced() throws InterruptedException {
    while (!caches.hasSynced() && !closed.get()) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Sweeps what CRs deleted while imps was down left behind, then queues every CR. */
  private void queueEverything() {
    MDC.put(MDC_CR, "(sweep)");
    try {
      ReconcileResult swept = reconciler.sweepOrphans();
      if (swept.retriesWithBackoff()) {
        LOG.warn(
            "start-up sweep of orphaned copies left some behind; retrying with the next event");
      }
    } catch (RuntimeException e) {
      LOG.error("start-up sweep of orphaned copies failed: {}", describe(e));
    } finally {
      MDC.remove(MDC_CR);
    }
    caches.imagePullSecrets.getIndexer().list().forEach(cr -> enqueue(cr.getMetadata().getName()));
  }

  private void enqueue(String name) {
    if (name != null && !name.isEmpty() && !queue.isShuttingDown()) {
      queue.add(new Request(name));
    }
  }

  /** Queues one namespace's part of a CR: a request with the namespace set. */
  private void enqueueNamespace(String name, String namespace) {
    if (name != null
        && !name.isEmpty()
        && namespace != null
        && !namespace.isEmpty()
        && !namespaceQueue.isShuttingDown()) {
      namespaceQueue.add(new Request(namespace, name));
    }
  }

  private void referencedSecretChanged(io.kubernetes.client.openapi.models.V1Secret secret) {
    if (isGoneFromCache(secret)) {
      // Debounce: a delete followed by a re-create (kubectl replace --force, GitOps tools,
      // sealed/external secret controllers) is looked at once, after the re-create, so the same
      // content causes no write at all; a real deletion is seen a moment later.
      routing.referencedSecretChanged(
          secret,
          name -> {
            if (!queue.isShuttingDown()) {
              queue.addAfter(new Request(name), SOURCE_DELETE_DEBOUNCE);
            }
          });
    } else {
      routing.referencedSecretChanged(secret);
    }
  }

  private boolean isGoneFromCache(io.kubernetes.client.openapi.models.V1Secret secret) {
    if (secret.getMetadata() == null
        || secret.getMetadata().getNamespace() == null
        || secret.getMetadata().getName() == null) {
      return false;
    }
    return caches
        .referenced
        .lookup(secret.getMetadata().getNamespace(), secret.getMetadata().getName())
        .map(Optional::isEmpty)
        .orElse(false);
  }

  private Result reconcile(Request request) {
    String name = request.getName();
    statusRefreshPending.remove(name);
    MDC.put(MDC_CR, name);
    long begin = System.nanoTime();
    try {
      ReconcileResult result = reconciler.reconcile(name);
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      LOG.debug("reconciled in {} ms: {}", took.toMillis(), result);
      if (result.outcome() == ReconcileResult.Outcome.GONE) {
        metrics.forget(name);
        if (result.retriesWithBackoff()) {
          return new Result(true);
        }
        queue.forget(request);
        return new Result(false);
      }
      metrics.reconciled(name, took, !result.isSuccess());
      metrics.observed(name, result.managedNamespaces(), result.earliestExpiry());
      if (result.retriesWithBackoff()) {
        if (result.requeueAfter().compareTo(settings.periodicInterval()) < 0) {
          // The backoff may grow past a deadline the pass asked for (a missing source's grace
          // period ends, a credential expires): look then as well.
          queue.addAfter(request, result.requeueAfter());
        }
        return new Result(true);
      }
      queue.forget(request);
      return new Result(true, result.requeueAfter());
    } catch (RuntimeException e) {
      metrics.reconciled(name, Duration.ofNanos(System.nanoTime() - begin), true);
      LOG.error("reconciliation failed, retrying with backoff: {}", describe(e));
      LOG.debug("reconciliation failure", e);
      return new Result(true);
    } finally {
      MDC.remove(MDC_CR);
    }
  }

  private Result reconcileNamespace(Request request) {
    String name = request.getName();
    MDC.put(MDC_CR, name);
    try {
      NamespacePassOutcome outcome = reconciler.reconcileNamespace(name, request.getNamespace());
      LOG.debug("namespace {} pass: {}", request.getNamespace(), outcome);
      switch (outcome) {
        case STATUS_STALE:
          if (statusRefreshPending.add(name) && !queue.isShuttingDown()) {
            queue.addAfter(new Request(name), STATUS_REFRESH_DELAY);
          }
          break;
        case FULL_PASS_NEEDED:
          enqueue(name);
          break;
        default:
          break;
      }
    } catch (RuntimeException e) {
      LOG.error("namespace pass failed, running a full pass: {}", describe(e));
      enqueue(name);
    } finally {
      MDC.remove(MDC_CR);
    }
    namespaceQueue.forget(request);
    return new Result(false);
  }

  private void leadershipLost() {
    if (closed.get()) {
      return;
    }
    controller.shutdown();
    namespaceController.shutdown();
    onLeadershipLost.run();
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
