package dev.imps.controller.plan;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.NamespaceSelectorConfiguration;
import dev.imps.api.model.TargetConfig;
import dev.imps.controller.plan.ImagePullSecretPlan.Action;
import dev.imps.controller.plan.ImagePullSecretPlan.Change;
import dev.imps.controller.plan.ImagePullSecretPlan.SelectedNamespace;
import dev.imps.controller.plan.ImagePullSecretPlan.ServiceAccountChange;
import dev.imps.controller.plan.ImagePullSecretPlan.Source;
import dev.imps.controller.reconcile.ClaimOrder;
import dev.imps.controller.reconcile.OrphanSweep;
import dev.imps.controller.reconcile.PullSecretRenderers;
import dev.imps.controller.reconcile.ReconcilePlan;
import dev.imps.controller.reconcile.ReconcilePlanner;
import dev.imps.controller.reconcile.ResolvedSpec;
import dev.imps.controller.reconcile.SecretChange;
import dev.imps.controller.reconcile.SecretField;
import dev.imps.controller.reconcile.SecretRef;
import dev.imps.controller.reconcile.SecretSnapshot;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.SourceStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plans every {@code ImagePullSecret} of a set of objects with the operator's own {@link
 * ReconcilePlanner}, and turns the {@link ReconcilePlan}s into a {@link PlanReport}.
 *
 * <p>The reconciler plans one object against the cluster as it is. When two objects of the same
 * input would create the same secret, the cluster would settle it on the next pass: the stronger
 * claim ({@link ClaimOrder}: older, then name) writes it and the other reports a conflict. The plan
 * shows that outcome at once, so the weaker object's create reads {@code conflict}.
 *
 * <p>Stateless; each call renders with fresh memory (no last good credentials).
 */
public final class ClusterPlanner {

  private ClusterPlanner() {}

  /**
   * Plans every {@code ImagePullSecret}.
   *
   * @param objects what the plan reads
   * @param credentials the providers sources are rendered with
   * @param input what was read, for the report
   * @return the report, plans by name
   */
  public static PlanReport plan(ClusterObjects objects, PlanCredentials credentials, String input) {
    SnapshotClusterState state = new SnapshotClusterState(objects);
    ReconcilePlanner planner =
        new ReconcilePlanner(
            state, new PullSecretRenderers(credentials.providers(), Clock.systemUTC()));
    List<String> warnings = new ArrayList<>(objects.warnings());
    List<ImagePullSecret> byClaim = new ArrayList<>();
    for (ImagePullSecret cr : objects.imagePullSecrets().values()) {
      if (cr.getMetadata().getDeletionTimestamp() == null) {
        byClaim.add(cr);
      } else {
        // As the operator: an object being deleted counts as gone, its copies as orphans.
        warnings.add(
            "ImagePullSecret "
                + cr.getMetadata().getName()
                + " is being deleted: imps treats it as gone and deletes its copies");
      }
    }
    byClaim.sort(ClaimOrder.STRONGEST_FIRST);
    Map<SecretRef, String> claimedBy = new HashMap<>();
    Map<String, ImagePullSecretPlan> plans = new HashMap<>();
    for (ImagePullSecret cr : byClaim) {
      String name = cr.getMetadata().getName();
      ImagePullSecretPlan plan =
          describe(cr, planner.plan(cr), objects, String.valueOf(objects.originOf(name)));
      plans.put(name, settleClaims(plan, claimedBy));
    }
    objects
        .rejectedImagePullSecrets()
        .forEach(
            (name, problems) ->
                plans.put(
                    name,
                    ImagePullSecretPlan.invalid(
                        name, String.valueOf(objects.originOf(name)), problems)));
    OrphanSweep sweep = OrphanSweep.of(state);
    List<ImagePullSecretPlan> ordered = new ArrayList<>(plans.values());
    ordered.sort(Comparator.comparing(ImagePullSecretPlan::name));
    return new PlanReport(
        input,
        PlanReport.Counts.of(objects),
        credentials.resolving(),
        warnings,
        ordered,
        orphans(sweep),
        orphanServiceAccounts(sweep));
  }

  /** The copies the operator's sweep deletes: the operator's own {@link OrphanSweep}. */
  private static List<Change> orphans(OrphanSweep sweep) {
    List<Change> orphans = new ArrayList<>();
    for (SecretSnapshot copy : sweep.copies()) {
      orphans.add(
          new Change(
              Action.DELETE,
              copy.namespace(),
              copy.name(),
              "its ImagePullSecret (uid " + copy.ownerUid().orElseThrow() + ") no longer exists"));
    }
    return orphans;
  }

  /** The ServiceAccount references the operator's sweep removes. */
  private static List<ServiceAccountChange> orphanServiceAccounts(OrphanSweep sweep) {
    return sweep.serviceAccountPatches().stream()
        .map(p -> new ServiceAccountChange(p.namespace(), p.name(), p.added(), p.removed()))
        .toList();
  }

  private static ImagePullSecretPlan settleClaims(
      ImagePullSecretPlan plan, Map<SecretRef, String> claimedBy) {
    List<Change> settled = new ArrayList<>(plan.changes().size());
    for (Change change : plan.changes()) {
      boolean writes = change.action() == Action.CREATE || change.action() == Action.REPLACE;
      SecretRef ref = new SecretRef(change.namespace(), change.secret());
      String holder = writes ? claimedBy.putIfAbsent(ref, plan.name()) : null;
      if (holder == null) {
        settled.add(change);
      } else {
        settled.add(
            new Change(
                Action.CONFLICT,
                change.namespace(),
                change.secret(),
                "ImagePullSecret "
                    + holder
                    + " writes this secret too and has the stronger claim (older, then name)"));
      }
    }
    return plan.withChanges(settled);
  }

  private static ImagePullSecretPlan describe(
      ImagePullSecret cr, ReconcilePlan plan, ClusterObjects objects, String origin) {
    if (plan.invalidSpec().isPresent()) {
      return ImagePullSecretPlan.invalid(plan.name(), origin, plan.invalidSpec().get());
    }
    ResolvedSpec spec = plan.spec().orElseThrow();
    MergedConfig merged = plan.merged().orElseThrow();
    List<Source> sources = sources(spec, merged, objects);
    // Unresolved ECR entries hold a placeholder, so existing copies always differ in data.
    boolean placeholders =
        sources.stream().anyMatch(s -> s.message().contains(UnresolvedEcrProvider.NOT_RESOLVED));
    List<SelectedNamespace> selected =
        plan.decisions().stream()
            .filter(d -> d.decision().matched())
            .map(d -> new SelectedNamespace(d.namespace(), d.decision().clause(), d.terminating()))
            .toList();
    List<ServiceAccountChange> accounts =
        plan.serviceAccountPatches().stream()
            .map(p -> new ServiceAccountChange(p.namespace(), p.name(), p.added(), p.removed()))
            .toList();
    return new ImagePullSecretPlan(
        plan.name(),
        origin,
        Optional.empty(),
        spec.secretName(),
        sources,
        plan.decisions().size(),
        selected,
        missingNamespaces(cr, objects),
        plan.changes().stream().map(c -> change(c, placeholders)).toList(),
        accounts,
        RedactedDockerConfig.of(merged.dockerConfigJson()),
        merged.earliestExpiry(),
        plan.content().orElseThrow().holdReason());
  }

  private static List<Source> sources(
      ResolvedSpec spec, MergedConfig merged, ClusterObjects objects) {
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < spec.sources().size(); i++) {
      SecretRef ref = spec.sources().get(i);
      SourceStatus status = merged.sources().get(i);
      String type =
          Optional.ofNullable(objects.secrets().get(ref)).map(SecretSnapshot::type).orElse("");
      sources.add(
          new Source(
              ref.toString(),
              type,
              status.state().name().toLowerCase(Locale.ROOT),
              status.message(),
              status.registries()));
    }
    return sources;
  }

  private static List<String> missingNamespaces(ImagePullSecret cr, ClusterObjects objects) {
    TargetConfig target = cr.getSpec().getTarget();
    NamespaceSelectorConfiguration namespaces = target == null ? null : target.getNamespaces();
    if (namespaces == null || namespaces.getNames() == null) {
      return List.of();
    }
    return namespaces.getNames().stream()
        .filter(Objects::nonNull)
        .filter(name -> !objects.namespaces().containsKey(name))
        .distinct()
        .toList();
  }

  private static Change change(SecretChange change, boolean placeholders) {
    if (change instanceof SecretChange.Create create) {
      return new Change(
          Action.CREATE, create.namespace(), create.desired().ref().name(), create.why());
    }
    if (change instanceof SecretChange.Update update) {
      String fields =
          update.patch().changes().stream()
              .sorted()
              .map(f -> f.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      return new Change(
          Action.UPDATE,
          update.namespace(),
          update.desired().ref().name(),
          update.why()
              + " (changes "
              + fields
              + ")"
              + (placeholders && update.patch().changes().contains(SecretField.DATA)
                  ? "; data compared with unresolved ECR tokens: --resolve compares real ones"
                  : ""));
    }
    if (change instanceof SecretChange.Replace replace) {
      return new Change(
          Action.REPLACE,
          replace.namespace(),
          replace.desired().ref().name(),
          "type "
              + replace.current().type()
              + " -> "
              + replace.desired().type()
              + "; "
              + replace.why());
    }
    if (change instanceof SecretChange.Delete delete) {
      return new Change(Action.DELETE, delete.namespace(), delete.current().name(), delete.why());
    }
    if (change instanceof SecretChange.Conflict conflict) {
      return new Change(
          Action.CONFLICT, conflict.namespace(), conflict.ref().name(), conflict.why());
    }
    if (change instanceof SecretChange.Hold hold) {
      return new Change(Action.HOLD, hold.namespace(), hold.ref().name(), hold.why());
    }
    SecretChange.InPlace keep = (SecretChange.InPlace) change;
    return new Change(Action.KEEP, keep.namespace(), keep.ref().name(), keep.why());
  }
}
