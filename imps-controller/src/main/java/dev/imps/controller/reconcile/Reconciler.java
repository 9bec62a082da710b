package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one {@code ImagePullSecret} per call: plan ({@link ReconcilePlanner}), apply ({@link
 * PlanApplier}), report ({@link StatusReport}), and say when to look again ({@link
 * ReconcileResult}).
 *
 * <p>The runtime calls {@link #reconcile(String)} from its work-queue workers, keyed by the
 * object's name, and {@link #sweepOrphans()} once after its caches have synced (copies whose owner
 * was deleted while imps was down). Thread-safe: passes for different names may run in parallel;
 * the runtime's work queue keeps one name from running twice at once.
 */
public final class Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  /** The default periodic reconcile interval, as IMPS: 300 s. */
  public static final Duration DEFAULT_PERIODIC_INTERVAL = Duration.ofSeconds(300);

  /** How long after a grace period ends the pass that drops the missing source runs. */
  static final Duration GRACE_DEADLINE_MARGIN = Duration.ofMillis(100);

  private final ClusterState state;
  private final ClusterActions actions;
  private final PullSecretRenderers renderers;
  private final ReconcilePlanner planner;
  private final PlanApplier applier;
  private final PlanApplier namespaceApplier;
  private final StatusSchemaMemory statusSchema = new StatusSchemaMemory();
  private final Set<String> statusFailing = ConcurrentHashMap.newKeySet();
  private final Duration periodicInterval;
  private final Clock clock;

  private Reconciler(Builder builder) {
    this.state = builder.state;
    this.actions = builder.actions;
    this.periodicInterval = builder.periodicInterval;
    this.clock = builder.clock;
    this.renderers =
        new PullSecretRenderers(builder.providers, builder.clock, builder.missingSourceGrace);
    this.planner = new ReconcilePlanner(state, renderers);
    this.applier = new PlanApplier(actions, builder.writeExecutor);
    this.namespaceApplier =
        new PlanApplier(
            actions,
            builder.namespaceWriteExecutor != null
                ? builder.namespaceWriteExecutor
                : builder.writeExecutor);
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the default interval, the system clock and sequential writes
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one pass for one {@code ImagePullSecret}. If it no longer exists, sweeps what is left of
   * every deleted one instead.
   *
   * @param name the object's name
   * @return the result; never throws for cluster or credential problems
   */
  public ReconcileResult reconcile(String name) {
    Optional<ImagePullSecret> found = state.imagePullSecret(name);
    if (found.isEmpty() || isBeingDeleted(found.get())) {
      // A deleting object (foreground deletion) counts as gone, so imps does not fight the
      // garbage collector by recreating the copies it removes.
      LOG.debug("imagepullsecret={} is gone; sweeping copies of deleted objects", name);
      statusFailing.remove(name);
      return sweepOrphans();
    }
    ImagePullSecret cr = found.get();
    Instant now = clock.instant();
    try {
      ReconcilePlan plan = planner.plan(cr);
      if (plan.invalidSpec().isPresent()) {
        StatusReport report =
            StatusReport.of(cr, plan, nothingApplied(), now, storedFields(plan, cr));
        if (report.patch().isPresent()) {
          // Once per change of the spec's problems, not on every periodic pass.
          LOG.warn("imagepullsecret={} has an invalid spec: {}", name, plan.invalidSpec().get());
        }
        ReconcileResult invalid =
            ReconcileResult.failed(report.reason()).retryAfter(periodicInterval);
        return writeStatus(plan.uid(), report) ? invalid : invalid.retryWithBackoff();
      }
      ApplyOutcome outcome = applier.apply(plan);
      StatusReport report = StatusReport.of(cr, plan, outcome, now, storedFields(plan, cr));
      boolean onlyRaced = outcome.raced() && report.ready();
      boolean written = onlyRaced || writeStatus(plan.uid(), report);
      Optional<Instant> expiry = plan.merged().flatMap(m -> m.earliestExpiry());
      boolean transientFailure =
          onlyRaced
              || !written
              || (!outcome.failures().isEmpty() && outcome.retryAfter().isEmpty())
              || plan.merged().orElseThrow().sources().stream()
                  .anyMatch(s -> s.state() == SourceStatus.State.FAILED);
      Duration requeue = requeueAfter(now, expiry);
      Optional<Instant> graceEnds = renderers.nextGraceDeadline(plan.uid());
      if (graceEnds.isPresent()) {
        // Look again when a missing source's grace period ends, to drop it on time.
        Duration untilGraceEnds =
            Duration.between(now, graceEnds.get()).plus(GRACE_DEADLINE_MARGIN);
        requeue = untilGraceEnds.compareTo(requeue) < 0 ? untilGraceEnds : requeue;
      }
      if (outcome.retryAfter().isPresent()) {
        requeue = outcome.retryAfter().get();
      }
      int managed = outcome.managedNamespaces().size();
      LOG.debug(
          "imagepullsecret={} pass done: {} managed={} conflicts={} failures={} raced={}",
          name,
          report.reason(),
          managed,
          plan.changes(SecretChange.Conflict.class).size(),
          outcome.failures().size(),
          outcome.raced());
      if (ApiConstants.REASON_RETRYING.equals(report.reason())) {
        // Throttled, not failed: the writes are sent again after the API server's Retry-After.
        LOG.info(
            "imagepullsecret={} {}, in {} ms",
            name,
            report.message(),
            outcome.retryAfter().orElse(requeue).toMillis());
      }
      if (report.ready() && !onlyRaced && written) {
        return ReconcileResult.ready(requeue).managing(managed).expiringAt(expiry.orElse(null));
      }
      // Ready in the cluster but not on record (a race, or the status write failed): try again.
      String reason = report.ready() ? ApiConstants.REASON_RECONCILIATION_FAILED : report.reason();
      ReconcileResult failed =
          ReconcileResult.failed(reason)
              .retryAfter(requeue)
              .managing(managed)
              .expiringAt(expiry.orElse(null));
      return transientFailure ? failed.retryWithBackoff() : failed;
    } catch (RuntimeException e) {
      // Our own code and the credentials module never put secret data into exceptions.
      LOG.error("imagepullsecret={} reconciliation failed unexpectedly", name, e);
      String uid = cr.getMetadata().getUid() == null ? "" : cr.getMetadata().getUid();
      actions.recordEvent(
          new EventRecord(
              ReconcileConstants.EVENT_WARNING,
              ApiConstants.REASON_RECONCILIATION_FAILED,
              "unexpected " + e.getClass().getName() + " during reconciliation",
              name,
              uid));
      return ReconcileResult.failed(ApiConstants.REASON_RECONCILIATION_FAILED)
          .retryAfter(periodicInterval)
          .retryWithBackoff();
    }
  }

  /**
   * Runs one namespace's part of a pass for one {@code ImagePullSecret}: plans with {@link
   * ReconcilePlanner#planNamespace}, applies that plan, and writes no status. The runtime calls it
   * for namespace and pod events, so an event costs work in proportion to what it changes, not to
   * the number of namespaces; full passes ({@link #reconcile(String)}) remain for start-up, spec
   * and source changes, periodic resyncs and to bring the status up to date.
   *
   * @param name the object's name
   * @param namespace the namespace the event concerned
   * @return what the runtime should do next; never throws for cluster or credential problems
   */
  public NamespacePassOutcome reconcileNamespace(String name, String namespace) {
    Optional<ImagePullSecret> found = state.imagePullSecret(name);
    if (found.isEmpty() || isBeingDeleted(found.get())) {
      return NamespacePassOutcome.FULL_PASS_NEEDED;
    }
    ImagePullSecret cr = found.get();
    try {
      ReconcilePlan plan = planner.planNamespace(cr, namespace);
      if (plan.invalidSpec().isPresent()) {
        return NamespacePassOutcome.FULL_PASS_NEEDED;
      }
      ApplyOutcome outcome = namespaceApplier.apply(plan);
      if (!outcome.clean() || outcome.retryAfter().isPresent()) {
        return NamespacePassOutcome.FULL_PASS_NEEDED;
      }
      boolean conflict = !plan.changes(SecretChange.Conflict.class).isEmpty();
      boolean managed = outcome.managedNamespaces().contains(namespace);
      ImagePullSecretStatus status = cr.getStatus();
      boolean reportedManaged =
          status != null
              && status.getManagedNamespaces() != null
              && status.getManagedNamespaces().contains(namespace);
      boolean reportedConflict =
          status != null
              && status.getConflicts() != null
              && status.getConflicts().stream().anyMatch(c -> namespace.equals(c.getNamespace()));
      return managed == reportedManaged && conflict == reportedConflict
          ? NamespacePassOutcome.UNCHANGED
          : NamespacePassOutcome.STATUS_STALE;
    } catch (RuntimeException e) {
      LOG.error(
          "imagepullsecret={} namespace={} pass failed unexpectedly; running a full pass",
          name,
          namespace,
          e);
      return NamespacePassOutcome.FULL_PASS_NEEDED;
    }
  }

  /**
   * Plans one pass without writing anything.
   *
   * @param cr the {@code ImagePullSecret}
   * @return the plan
   */
  public ReconcilePlan plan(ImagePullSecret cr) {
    return planner.plan(cr);
  }

  /**
   * Runs the {@link OrphanSweep}: deletes every provable copy whose {@code ImagePullSecret} no
   * longer exists, removes such owners' ServiceAccount references, and forgets their last good
   * credentials. Copies in terminating namespaces are left to the namespace deletion; secrets that
   * only carry the owner label are never touched.
   *
   * @return a {@link ReconcileResult.Outcome#GONE} result, asking for a retry if a write failed
   */
  public ReconcileResult sweepOrphans() {
    OrphanSweep sweep = OrphanSweep.of(state);
    renderers.retainOnly(sweep.existingUids());
    statusSchema.retainOnly(sweep.existingUids());
    if (sweep.isEmpty()) {
      return ReconcileResult.gone();
    }
    LOG.info(
        "sweeping {} copies and {} service accounts of deleted ImagePullSecrets",
        sweep.copies().size(),
        sweep.serviceAccountPatches().size());
    ApplyOutcome outcome = applier.sweep(sweep.copies(), sweep.serviceAccountPatches());
    return outcome.clean() ? ReconcileResult.gone() : ReconcileResult.gone().retryWithBackoff();
  }

  private StoredStatusFields storedFields(ReconcilePlan plan, ImagePullSecret cr) {
    return statusSchema.observe(plan.uid(), cr.getStatus());
  }

  /** Writes the status if it changed, then its events; false if the write failed. */
  private boolean writeStatus(String uid, StatusReport report) {
    Optional<StatusPatch> patch = report.patch();
    if (patch.isEmpty()) {
      return true;
    }
    WriteResult result = actions.patchStatus(patch.get());
    switch (result.outcome()) {
      case APPLIED:
        statusFailing.remove(patch.get().name());
        statusSchema.wrote(uid, report.status());
        report.events().forEach(actions::recordEvent);
        return true;
      case NOT_FOUND:
        statusFailing.remove(patch.get().name());
        LOG.debug("imagepullsecret={} vanished before its status was written", patch.get().name());
        return true;
      case CONFLICT:
        LOG.debug("imagepullsecret={} status write conflicted; retrying", patch.get().name());
        return false;
      default:
        // Retried with backoff: one line per object until a write succeeds, not one per retry.
        if (statusFailing.add(patch.get().name())) {
          LOG.warn(
              "imagepullsecret={} status write failed, retrying: {} {}",
              patch.get().name(),
              result.outcome(),
              result.message());
        } else {
          LOG.debug(
              "imagepullsecret={} status write failed again: {} {}",
              patch.get().name(),
              result.outcome(),
              result.message());
        }
        return false;
    }
  }

  /** Half the remaining validity of the earliest expiring credential, if sooner than the period. */
  private Duration requeueAfter(Instant now, Optional<Instant> expiry) {
    return HalfLifeRequeue.after(now, expiry, periodicInterval);
  }

  /**
   * Tells whether an {@code ImagePullSecret} is being deleted ({@code metadata.deletionTimestamp}
   * set). Such an object is treated as gone: it holds no claims and its copies are swept.
   *
   * @param cr the object
   * @return {@code true} if it is being deleted
   */
  static boolean isBeingDeleted(ImagePullSecret cr) {
    return cr.getMetadata() != null && cr.getMetadata().getDeletionTimestamp() != null;
  }

  private static ApplyOutcome nothingApplied() {
    return new ApplyOutcome(Set.of(), List.of(), false, Optional.empty());
  }

  /** Collects what a {@link Reconciler} needs. Not thread-safe. */
  public static final class Builder {
    private ClusterState state;
    private ClusterActions actions;
    private CredentialProviders providers;
    private Duration periodicInterval = DEFAULT_PERIODIC_INTERVAL;
    private Clock clock = Clock.systemUTC();
    private Executor writeExecutor = Runnable::run;
    private Executor namespaceWriteExecutor;
    private Duration missingSourceGrace = MissingSourceGrace.DEFAULT;

    private Builder() {}

    /**
     * Sets how long a missing source keeps contributing its last good credentials ({@code
     * --missing-source-grace}, see {@link MissingSourceGrace}).
     *
     * @param grace the grace period; default 10 minutes; zero drops a missing source at once
     * @return this builder
     * @throws IllegalArgumentException if {@code grace} is negative
     */
    public Builder missingSourceGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace must not be null");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("missing source grace must not be negative: " + grace);
      }
      this.missingSourceGrace = grace;
      return this;
    }

    /**
     * Sets where the cluster is read from.
     *
     * @param state the cached view
     * @return this builder
     */
    public Builder clusterState(ClusterState state) {
      this.state = Objects.requireNonNull(state, "state must not be null");
      return this;
    }

    /**
     * Sets where writes go.
     *
     * @param actions the writes
     * @return this builder
     */
    public Builder clusterActions(ClusterActions actions) {
      this.actions = Objects.requireNonNull(actions, "actions must not be null");
      return this;
    }

    /**
     * Sets the credential providers that read source secrets (docker configs, ECR).
     *
     * @param providers the providers, by secret type
     * @return this builder
     */
    public Builder credentialProviders(CredentialProviders providers) {
      this.providers = Objects.requireNonNull(providers, "providers must not be null");
      return this;
    }

    /**
     * Sets the periodic reconcile interval ({@code --periodic-reconcile-interval}).
     *
     * @param interval the interval; default 300 s
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public Builder periodicInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval must not be null");
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("periodic interval must be positive: " + interval);
      }
      this.periodicInterval = interval;
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * Sets the executor that runs the writes of one pass in parallel. It should be bounded; a
     * rejected task runs on the calling thread.
     *
     * @param executor the executor; default runs writes one after another on the calling thread
     * @return this builder
     */
    public Builder writeExecutor(Executor executor) {
      this.writeExecutor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /**
     * Sets the executor that runs the writes of a namespace pass ({@link #reconcileNamespace}), so
     * the runtime can serve those one or two writes before a full pass's thousands.
     *
     * @param executor the executor; default the {@link #writeExecutor(Executor)}
     * @return this builder
     */
    public Builder namespaceWriteExecutor(Executor executor) {
      this.namespaceWriteExecutor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /**
     * Builds the reconciler.
     *
     * @return the reconciler
     * @throws IllegalStateException naming what is missing: cluster state, cluster actions or
     *     credential providers
     */
    public Reconciler build() {
      if (state == null) {
        throw new IllegalStateException("cluster state is missing: call clusterState(...)");
      }
      if (actions == null) {
        throw new IllegalStateException("cluster actions are missing: call clusterActions(...)");
      }
      if (providers == null) {
        throw new IllegalStateException(
            "credential providers are missing: call credentialProviders(...)");
      }
      return new Reconciler(this);
    }
  }
}
