package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.api.model.SecretConflict;
import dev.imps.credentials.SourceStatus;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last step of a pass: the new status of the {@code ImagePullSecret}, whether it differs from
 * the stored one, the merge patch that writes it, and the events to record.
 *
 * <p>The status is {@code Ready} only if nothing failed in this pass: an invalid spec, a source
 * that is not {@code Ok}, a failed write or a conflict each make it {@code Failed}, with the
 * condition reason {@code InvalidSpec}, {@code SourceCredentialsError}, {@code
 * SecretReconciliationError} or {@code SecretConflict} (the first that applies). A {@code Ready}
 * pass whose credentials are less than the sources promise ({@link
 * dev.imps.credentials.MergedConfig#warnings()}: a source gives no registry credentials, or the
 * copy holds none) has the reason {@code ReconciledWithWarnings} naming them, and a Warning event.
 * A pass whose only failed writes were throttled by the API server (429, retried after its {@code
 * Retry-After}) is neither: the reason is {@code Retrying} ("n writes throttled by the API server,
 * retrying"), the {@code status} field is left out, the {@code Ready} condition is {@code Unknown},
 * and no event is recorded. A source with warnings or shadowed registries shows its message instead
 * of {@code Ok}. Fields the pass did not look at (an invalid spec renders nothing) keep their
 * stored values.
 *
 * <p>{@code lastSuccessfulReconciliation} and {@code validitySeconds} move only when a {@code
 * Ready} pass changes something else or when the credentials' expiry moves (a new ECR token); a
 * periodic pass that finds everything in place writes nothing at all, so an idle cluster costs no
 * writes however many objects it has, and a status write never triggers another. The stamp
 * therefore says when imps last changed or confirmed new credentials, not when it last looked.
 * Events are recorded only when the status changes. Immutable.
 */
public final class StatusReport {

  private static final int MAX_MESSAGE_LENGTH = 2000;
  private static final int MAX_LISTED = 10;
  private static final long EXPIRY_TOLERANCE_SECONDS = 2;

  private final ImagePullSecretStatus status;
  private final boolean ready;
  private final String reason;
  private final String message;
  private final boolean changed;
  private final Map<String, Object> patchBody;
  private final List<EventRecord> events;
  private final String name;

  private StatusReport(
      String name,
      ImagePullSecretStatus status,
      boolean ready,
      String reason,
      String message,
      boolean changed,
      Map<String, Object> patchBody,
      List<EventRecord> events) {
    this.name = name;
    this.status = status;
    this.ready = ready;
    this.reason = reason;
    this.message = message;
    this.changed = changed;
    this.patchBody = patchBody;
    this.events = List.copyOf(events);
  }

  /**
   * Builds the report of a pass.
   *
   * @param cr the {@code ImagePullSecret} as cached, with its stored status
   * @param plan the plan of the pass
   * @param outcome what applying the plan achieved; ignored for an invalid spec
   * @param now the time of the pass
   * @return the report
   */
  public static StatusReport of(
      ImagePullSecret cr, ReconcilePlan plan, ApplyOutcome outcome, Instant now) {
    return of(cr, plan, outcome, now, StoredStatusFields.ALL);
  }

  /**
   * Builds the report, comparing with the stored status only on the fields the store keeps.
   *
   * @param cr the object as cached, with its current status
   * @param plan the plan of the pass
   * @param outcome what the writes achieved
   * @param now the time of the pass
   * @param stored which status fields the CRD keeps
   * @return the report
   */
  public static StatusReport of(
      ImagePullSecret cr,
      ReconcilePlan plan,
      ApplyOutcome outcome,
      Instant now,
      StoredStatusFields stored) {
    ImagePullSecretStatus previous = cr.getStatus();
    ImagePullSecretStatus next = new ImagePullSecretStatus();
    String reason;
    String message;
    if (plan.invalidSpec().isPresent()) {
      reason = ApiConstants.REASON_INVALID_SPEC;
      message = plan.invalidSpec().get();
      if (previous != null) {
        next.managedNamespaces(previous.getManagedNamespaces())
            .sourceSecretStatus(previous.getSourceSecretStatus())
            .conflicts(previous.getConflicts());
      }
    } else {
      ResolvedSpec spec = plan.spec().orElseThrow();
      List<SourceStatus> sources = plan.merged().orElseThrow().sources();
      Map<String, String> sourceStatus = new LinkedHashMap<>();
      List<String> sourceErrors = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        String key = spec.sources().get(i).statusKey();
        SourceStatus source = sources.get(i);
        sourceStatus.put(
            key,
            source.isOk() && !source.hasNotes() ? ApiConstants.SOURCE_SECRET_OK : source.message());
        if (!source.isOk()) {
          sourceErrors.add("source " + key + ": " + source.message());
        }
      }
      List<SecretChange.Conflict> conflicts = plan.changes(SecretChange.Conflict.class);
      List<SecretConflict> conflictList = new ArrayList<>();
      for (SecretChange.Conflict conflict : conflicts) {
        conflictList.add(
            new SecretConflict().namespace(conflict.namespace()).reason(conflict.why()));
      }
      next.managedNamespaces(emptyToNull(new ArrayList<>(outcome.managedNamespaces())))
          .sourceSecretStatus(sourceStatus.isEmpty() ? null : sourceStatus)
          .conflicts(emptyToNull(conflictList));
      if (!sourceErrors.isEmpty()) {
        reason = ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR;
        message = joined(sourceErrors);
      } else if (!outcome.failures().isEmpty()
          && outcome.failures().stream().allMatch(WriteFailure::throttled)) {
        reason = ApiConstants.REASON_RETRYING;
        message = retryingMessage(outcome.failures().size());
      } else if (!outcome.failures().isEmpty()) {
        reason = ApiConstants.REASON_SECRET_RECONCILIATION_ERROR;
        message = joined(outcome.failures().stream().map(WriteFailure::describe).toList());
      } else if (!conflicts.isEmpty()) {
        reason = ApiConstants.REASON_SECRET_CONFLICT;
        message =
            "secret "
                + spec.secretName()
                + " is blocked in "
                + conflicts.size()
                + " namespace(s): "
                + joined(
                    conflicts.stream().map(c -> c.namespace() + " (" + c.why() + ")").toList());
      } else {
        List<String> warnings = plan.merged().orElseThrow().warnings();
        reason =
            warnings.isEmpty()
                ? ApiConstants.REASON_RECONCILED
                : ApiConstants.REASON_RECONCILED_WITH_WARNINGS;
        message =
            "secret "
                + spec.secretName()
                + " is in place in "
                + outcome.managedNamespaces().size()
                + " namespace(s)"
                + (warnings.isEmpty() ? "" : ", but " + joined(warnings));
      }
    }
    message = capped(message);
    // The count is what kubectl get imps shows; the list is in the wide output.
    next.namespaceCount(
        next.getManagedNamespaces() == null ? 0 : next.getManagedNamespaces().size());
    boolean warned = ApiConstants.REASON_RECONCILED_WITH_WARNINGS.equals(reason);
    boolean ready = warned || ApiConstants.REASON_RECONCILED.equals(reason);
    boolean retrying = ApiConstants.REASON_RETRYING.equals(reason);
    String conditionStatus =
        ready
            ? ApiConstants.CONDITION_TRUE
            : retrying ? ApiConstants.CONDITION_UNKNOWN : ApiConstants.CONDITION_FALSE;
    next.status(ready ? ReconciliationStatus.READY : retrying ? null : ReconciliationStatus.FAILED)
        .reason(ready ? null : message)
        .observedGeneration(plan.generation())
        .conditions(conditions(previous, conditionStatus, reason, message, plan.generation(), now));
    Optional<Instant> expiry = plan.merged().flatMap(m -> m.earliestExpiry());
    if (ready && shouldStampSuccess(previous, next, expiry, stored)) {
      Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
      next.lastSuccessfulReconciliation(OffsetDateTime.ofInstant(stamp, ZoneOffset.UTC))
          .validitySeconds(
              expiry
                  .map(
                      e -> (int) Math.max(0, Math.min(Integer.MAX_VALUE, secondsBetween(stamp, e))))
                  .orElse(null));
    } else if (previous != null) {
      next.lastSuccessfulReconciliation(previous.getLastSuccessfulReconciliation())
          .validitySeconds(previous.getValiditySeconds());
    }
    boolean changed = !StatusEquivalence.same(previous, next, stored);
    String name = plan.name();
    String uid = plan.uid();
    List<EventRecord> events = new ArrayList<>();
    if (changed) {
      boolean wasReady = previous != null && previous.getStatus() == ReconciliationStatus.READY;
      if (ready && (!wasReady || (warned && !reason.equals(readyReason(previous))))) {
        String type = warned ? ReconcileConstants.EVENT_WARNING : ReconcileConstants.EVENT_NORMAL;
        events.add(event(type, reason, message, name, uid));
      } else if (!ready
          && !retrying
          && (previous == null
              || wasReady
              || !reason.equals(readyReason(previous))
              || !Objects.equals(previous.getReason(), message))) {
        events.add(event(ReconcileConstants.EVENT_WARNING, reason, message, name, uid));
      }
      Set<String> newConflicts = conflictNamespaces(next);
      newConflicts.removeAll(conflictNamespaces(previous));
      if (!newConflicts.isEmpty() && !ApiConstants.REASON_SECRET_CONFLICT.equals(reason)) {
        events.add(
            event(
                ReconcileConstants.EVENT_WARNING,
                ApiConstants.REASON_SECRET_CONFLICT,
                capped("secret blocked in namespace(s): " + joined(List.copyOf(newConflicts))),
                name,
                uid));
      }
    }
    return new StatusReport(
        name,
        next,
        ready,
        reason,
        message,
        changed,
        changed ? StatusBodies.mergePatch(previous, next) : Map.of(),
        events);
  }

  /**
   * Returns the new status.
   *
   * @return the complete status as it should be stored
   */
  public ImagePullSecretStatus status() {
    return status;
  }

  /**
   * Tells whether the pass succeeded.
   *
   * @return {@code true} for {@code Ready}
   */
  public boolean ready() {
    return ready;
  }

  /**
   * Returns the reason of the {@code Ready} condition.
   *
   * @return e.g. {@code Reconciled} or {@code SourceCredentialsError}
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the message of the {@code Ready} condition.
   *
   * @return a human summary without secret values
   */
  public String message() {
    return message;
  }

  /**
   * Returns the patch to write, if the status changed.
   *
   * @return the patch, or empty if the stored status is already right
   */
  public Optional<StatusPatch> patch() {
    return changed ? Optional.of(new StatusPatch(name, status, patchBody)) : Optional.empty();
  }

  /**
   * Returns the events to record with the status write.
   *
   * @return the events; empty if the status did not change
   */
  public List<EventRecord> events() {
    return events;
  }

  private static boolean shouldStampSuccess(
      ImagePullSecretStatus previous,
      ImagePullSecretStatus next,
      Optional<Instant> expiry,
      StoredStatusFields stored) {
    if (previous == null
        || previous.getStatus() != ReconciliationStatus.READY
        || previous.getLastSuccessfulReconciliation() == null) {
      return true;
    }
    Instant last = previous.getLastSuccessfulReconciliation().toInstant();
    ImagePullSecretStatus withOldStamp =
        StatusEquivalence.copyOf(next)
            .lastSuccessfulReconciliation(previous.getLastSuccessfulReconciliation())
            .validitySeconds(previous.getValiditySeconds());
    if (!StatusEquivalence.same(previous, withOldStamp, stored)) {
      return true;
    }
    Optional<Instant> previousExpiry =
        Optional.ofNullable(previous.getValiditySeconds()).map(v -> last.plusSeconds(v));
    return previousExpiry.isPresent() != expiry.isPresent()
        || (expiry.isPresent()
            && Math.abs(secondsBetween(previousExpiry.get(), expiry.get()))
                > EXPIRY_TOLERANCE_SECONDS);
  }

  private static List<V1Condition> conditions(
      ImagePullSecretStatus previous,
      String conditionStatus,
      String reason,
      String message,
      long generation,
      Instant now) {
    List<V1Condition> conditions = new ArrayList<>();
    V1Condition previousReady = null;
    if (previous != null && previous.getConditions() != null) {
      for (V1Condition condition : previous.getConditions()) {
        if (ApiConstants.CONDITION_READY.equals(condition.getType())) {
          previousReady = condition;
        } else {
          conditions.add(condition);
        }
      }
    }
    OffsetDateTime transition =
        previousReady != null
                && conditionStatus.equals(previousReady.getStatus())
                && previousReady.getLastTransitionTime() != null
            ? previousReady.getLastTransitionTime()
            : OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    conditions.add(
        new V1Condition()
            .type(ApiConstants.CONDITION_READY)
            .status(conditionStatus)
            .reason(reason)
            .message(message)
            .observedGeneration(generation)
            .lastTransitionTime(transition));
    return conditions;
  }

  /**
   * The message of a pass whose only failed writes were throttled.
   *
   * @param writes how many writes were throttled
   * @return e.g. {@code "3 writes throttled by the API server, retrying"}
   */
  static String retryingMessage(int writes) {
    return writes + (writes == 1 ? " write" : " writes") + " throttled by the API server, retrying";
  }

  private static String readyReason(ImagePullSecretStatus status) {
    if (status.getConditions() == null) {
      return "";
    }
    return status.getConditions().stream()
        .filter(c -> ApiConstants.CONDITION_READY.equals(c.getType()))
        .map(V1Condition::getReason)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("");
  }

  private static Set<String> conflictNamespaces(ImagePullSecretStatus status) {
    Set<String> namespaces = new TreeSet<>();
    if (status != null && status.getConflicts() != null) {
      status.getConflicts().forEach(c -> namespaces.add(c.getNamespace()));
    }
    return namespaces;
  }

  private static EventRecord event(
      String type, String reason, String message, String name, String uid) {
    return new EventRecord(type, reason, message, name, uid);
  }

  private static long secondsBetween(Instant from, Instant to) {
    return Duration.between(from, to).getSeconds();
  }

  private static <T> List<T> emptyToNull(List<T> list) {
    return list.isEmpty() ? null : Collections.unmodifiableList(list);
  }

  /** Joins items with "; ", listing at most {@value #MAX_LISTED} and counting the rest. */
  private static String joined(List<String> items) {
    if (items.size() <= MAX_LISTED) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, MAX_LISTED))
        + "; and "
        + (items.size() - MAX_LISTED)
        + " more";
  }

  private static String capped(String message) {
    return message.length() <= MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
  }
}
