package dev.imps.controller.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apply step: sends a plan's writes through {@link ClusterActions} and sorts the answers into
 * an {@link ApplyOutcome}. Secret writes run in parallel on the given executor (bounded by the
 * runtime); ServiceAccount patches follow once the copies are written.
 *
 * <p>How answers count: 404 on a delete, or any answer from a terminating namespace, is success;
 * 409, 404 on a patch, and "already exists" on a create are races with the cache, retried on the
 * next pass without failing the status; everything else is a {@link WriteFailure}. Thread-safe.
 */
public final class PlanApplier {

  private static final Logger LOG = LoggerFactory.getLogger(PlanApplier.class);

  private final ClusterActions actions;
  private final Executor executor;

  /**
   * Creates an applier.
   *
   * @param actions where writes go
   * @param executor runs the writes of one pass in parallel; {@code Runnable::run} runs them one
   *     after another
   */
  public PlanApplier(ClusterActions actions, Executor executor) {
    this.actions = Objects.requireNonNull(actions, "actions");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Applies a valid plan.
   *
   * @param plan the plan
   * @return what the writes achieved
   */
  public ApplyOutcome apply(ReconcilePlan plan) {
    Tally tally = new Tally();
    List<Supplier<Step>> secretWrites = new ArrayList<>();
    for (SecretChange change : plan.changes()) {
      if (change instanceof SecretChange.InPlace
          || (change instanceof SecretChange.Hold hold && hold.existingCopy())) {
        tally.managed.add(change.namespace());
      } else if (change instanceof SecretChange.Create
          || change instanceof SecretChange.Update
          || change instanceof SecretChange.Replace
          || change instanceof SecretChange.Delete) {
        secretWrites.add(() -> write(plan.name(), plan.uid(), change));
      }
    }
    runAll(secretWrites).forEach(tally::add);
    List<Supplier<Step>> accountWrites = new ArrayList<>();
    for (ServiceAccountPatch patch : plan.serviceAccountPatches()) {
      accountWrites.add(() -> patchAccount(plan.name(), patch));
    }
    runAll(accountWrites).forEach(tally::add);
    return tally.outcome();
  }

  /**
   * Deletes copies whose {@code ImagePullSecret} is gone and removes its ServiceAccount references.
   *
   * @param orphans the copies to delete
   * @param patches the ServiceAccount patches
   * @return what the writes achieved; no managed namespaces
   */
  public ApplyOutcome sweep(List<SecretSnapshot> orphans, List<ServiceAccountPatch> patches) {
    Tally tally = new Tally();
    List<Supplier<Step>> writes = new ArrayList<>();
    for (SecretSnapshot orphan : orphans) {
      writes.add(
          () ->
              write(
                  "<deleted uid " + orphan.ownerUid().orElse("") + ">",
                  orphan.ownerUid().orElse(""),
                  new SecretChange.Delete(orphan, "its ImagePullSecret no longer exists")));
    }
    runAll(writes).forEach(tally::add);
    List<Supplier<Step>> accountWrites = new ArrayList<>();
    for (ServiceAccountPatch patch : patches) {
      accountWrites.add(() -> patchAccount("<deleted>", patch));
    }
    runAll(accountWrites).forEach(tally::add);
    return tally.outcome();
  }

  private Step write(String owner, String ownerUid, SecretChange change) {
    String target = "secret " + refOf(change);
    if (change instanceof SecretChange.Create create) {
      WriteResult result = call(() -> actions.createSecret(create.desired()));
      log(owner, "created", change, result);
      return Step.of(change.namespace(), "create", target, result, true, false);
    }
    if (change instanceof SecretChange.Update update) {
      WriteResult result = call(() -> actions.patchSecret(update.patch()));
      log(owner, "patched", change, result);
      boolean ours = CopyOwnership.of(update.current()).isOwnedBy(ownerUid);
      return Step.of(change.namespace(), "patch", target, result, true, ours);
    }
    if (change instanceof SecretChange.Replace replace) {
      WriteResult deleted =
          call(() -> actions.deleteSecret(replace.current().ref(), replace.current().uid()));
      if (!deleted.isApplied() && deleted.outcome() != WriteResult.Outcome.NOT_FOUND) {
        log(owner, "deleted (to replace)", change, deleted);
        return Step.of(change.namespace(), "replace", target, deleted, true, false);
      }
      WriteResult created = call(() -> actions.createSecret(replace.desired()));
      log(owner, "replaced", change, created);
      return Step.of(change.namespace(), "replace", target, created, true, false);
    }
    SecretChange.Delete delete = (SecretChange.Delete) change;
    WriteResult result =
        call(() -> actions.deleteSecret(delete.current().ref(), delete.current().uid()));
    log(owner, "deleted", change, result);
    return Step.of(change.namespace(), "delete", target, result, false, false);
  }

  private Step patchAccount(String owner, ServiceAccountPatch patch) {
    WriteResult result = call(() -> actions.patchServiceAccount(patch));
    String target = "serviceaccount " + patch.namespace() + "/" + patch.name();
    if (result.isApplied()) {
      LOG.info(
          "imagepullsecret={} namespace={} patched {}: added {} removed {}",
          owner,
          patch.namespace(),
          target,
          patch.added(),
          patch.removed());
    } else {
      LOG.debug(
          "imagepullsecret={} namespace={} {} not patched: {} {}",
          owner,
          patch.namespace(),
          target,
          result.outcome(),
          result.message());
    }
    return Step.of(patch.namespace(), "patch", target, result, false, false);
  }

  private static void log(String owner, String verb, SecretChange change, WriteResult result) {
    if (result.isApplied()) {
      LOG.info(
          "imagepullsecret={} namespace={} {} {}",
          owner,
          change.namespace(),
          verb,
          change.describe());
    } else if (result.outcome() == WriteResult.Outcome.FAILED) {
      LOG.warn(
          "imagepullsecret={} namespace={} failed: {}: {}",
          owner,
          change.namespace(),
          change.describe(),
          result.message());
    } else {
      LOG.debug(
          "imagepullsecret={} namespace={} {}: {} {}",
          owner,
          change.namespace(),
          change.describe(),
          result.outcome(),
          result.message());
    }
  }

  /** Calls an action; an exception (a runtime bug) becomes a failure naming only its type. */
  private static WriteResult call(Supplier<WriteResult> action) {
    try {
      return Objects.requireNonNull(action.get(), "ClusterActions returned null");
    } catch (RuntimeException e) {
      // The message of an unexpected exception is not vetted for secret data: keep the type only.
      return WriteResult.of(WriteResult.Outcome.FAILED, "unexpected " + e.getClass().getName());
    }
  }

  private List<Step> runAll(List<Supplier<Step>> writes) {
    List<CompletableFuture<Step>> futures = new ArrayList<>(writes.size());
    for (Supplier<Step> write : writes) {
      CompletableFuture<Step> future;
      try {
        future = CompletableFuture.supplyAsync(write, executor);
      } catch (RejectedExecutionException e) {
        future = CompletableFuture.completedFuture(write.get());
      }
      futures.add(future);
    }
    List<Step> steps = new ArrayList<>(futures.size());
    for (CompletableFuture<Step> future : futures) {
      steps.add(future.join());
    }
    return steps;
  }

  private static SecretRef refOf(SecretChange change) {
    if (change instanceof SecretChange.Create create) {
      return create.desired().ref();
    }
    if (change instanceof SecretChange.Update update) {
      return update.desired().ref();
    }
    if (change instanceof SecretChange.Replace replace) {
      return replace.desired().ref();
    }
    return ((SecretChange.Delete) change).current().ref();
  }

  /** The outcome of one write, classified. */
  private record Step(
      String namespace,
      boolean managed,
      WriteFailure failure,
      boolean raced,
      Optional<Duration> retryAfter) {

    /**
     * Classifies an answer.
     *
     * @param placesCopy whether success leaves this object's copy in the namespace
     * @param heldBefore whether this object's copy was there before the write
     */
    static Step of(
        String namespace,
        String verb,
        String target,
        WriteResult result,
        boolean placesCopy,
        boolean heldBefore) {
      return switch (result.outcome()) {
        case APPLIED -> new Step(namespace, placesCopy, null, false, Optional.empty());
        case NAMESPACE_TERMINATING -> new Step(namespace, false, null, false, Optional.empty());
        case NOT_FOUND ->
            // A delete of something gone is done; a create or patch raced a deletion.
            new Step(namespace, false, null, placesCopy, Optional.empty());
        case ALREADY_EXISTS, CONFLICT ->
            new Step(namespace, heldBefore, null, true, Optional.empty());
        case FAILED ->
            new Step(
                namespace,
                heldBefore,
                new WriteFailure(target, verb, result.message(), result.retryAfter().isPresent()),
                false,
                result.retryAfter());
      };
    }
  }

  /** Collects steps into an outcome. Used by one thread. */
  private static final class Tally {
    final Set<String> managed = new TreeSet<>();
    final List<WriteFailure> failures = new ArrayList<>();
    boolean raced;
    Duration retryAfter;

    void add(Step step) {
      if (step.managed()) {
        managed.add(step.namespace());
      }
      if (step.failure() != null) {
        failures.add(step.failure());
      }
      raced |= step.raced();
      step.retryAfter()
          .ifPresent(
              d -> retryAfter = retryAfter == null || d.compareTo(retryAfter) > 0 ? d : retryAfter);
    }

    ApplyOutcome outcome() {
      return new ApplyOutcome(managed, failures, raced, Optional.ofNullable(retryAfter));
    }
  }
}
