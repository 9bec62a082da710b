package dev.imps.controller.reconcile;

import dev.imps.api.mapping.InvalidSpecException;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.credentials.MergedConfig;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link ReconcilePlan} of one {@code ImagePullSecret} from a {@link ClusterState}:
 * resolve the spec, select namespaces, render the sources, diff the copies, plan the ServiceAccount
 * patches. Writes nothing, so the offline {@code imps plan} command can use it as the operator
 * does.
 *
 * <p>Thread-safe if the cluster state is; rendering may call credential providers (e.g. ECR).
 */
public final class ReconcilePlanner {

  private final ClusterState state;
  private final PullSecretRenderers renderers;

  /**
   * Creates a planner.
   *
   * @param state where the cluster is read from
   * @param renderers the renderers, one per {@code ImagePullSecret} uid
   */
  public ReconcilePlanner(ClusterState state, PullSecretRenderers renderers) {
    this.state = Objects.requireNonNull(state, "state");
    this.renderers = Objects.requireNonNull(renderers, "renderers");
  }

  /**
   * Plans one pass.
   *
   * @param cr the {@code ImagePullSecret}, as cached
   * @return the plan; an {@linkplain ReconcilePlan#invalid invalid} plan if the spec can never work
   */
  public ReconcilePlan plan(ImagePullSecret cr) {
    return plan(cr, state);
  }

  /**
   * Plans one namespace's part of a pass: the same steps as {@link #plan(ImagePullSecret)} over a
   * view of the cluster that holds only that namespace, so the plan decides, diffs and patches only
   * there. The cost does not grow with the number of namespaces (the sources are still rendered,
   * once, which costs what the sources cost).
   *
   * @param cr the {@code ImagePullSecret}, as cached
   * @param namespace the namespace an event concerned
   * @return the plan restricted to that namespace; an {@linkplain ReconcilePlan#invalid invalid}
   *     plan if the spec can never work
   */
  public ReconcilePlan planNamespace(ImagePullSecret cr, String namespace) {
    return plan(cr, new NamespaceScopedState(state, namespace));
  }

  private ReconcilePlan plan(ImagePullSecret cr, ClusterState state) {
    ResolvedSpec spec;
    try {
      spec = ResolvedSpec.from(cr);
    } catch (InvalidSpecException e) {
      V1ObjectMeta metadata = cr.getMetadata() == null ? new V1ObjectMeta() : cr.getMetadata();
      return ReconcilePlan.invalid(
          Objects.requireNonNullElse(metadata.getName(), ""),
          Objects.requireNonNullElse(metadata.getUid(), ""),
          Objects.requireNonNullElse(metadata.getGeneration(), 0L),
          e.getMessage());
    }
    NamespaceSelection selection = NamespaceSelection.evaluate(spec.rule(), state);
    MergedConfig merged = renderers.render(spec, state);
    CopyContent content = CopyContent.from(merged);
    SecretDiff diff =
        SecretDiff.compute(cr, spec, selection, content, state, byUid(state.imagePullSecrets()));
    List<ServiceAccountPatch> serviceAccounts =
        ServiceAccountPatching.plan(spec, diff.intendedNamespaces(), state);
    return ReconcilePlan.of(spec, selection, merged, content, diff, serviceAccounts);
  }

  private static Map<String, ImagePullSecret> byUid(List<ImagePullSecret> all) {
    Map<String, ImagePullSecret> byUid = new HashMap<>();
    for (ImagePullSecret cr : all) {
      if (cr.getMetadata() != null
          && cr.getMetadata().getUid() != null
          && !Reconciler.isBeingDeleted(cr)) {
        byUid.put(cr.getMetadata().getUid(), cr);
      }
    }
    return byUid;
  }
}
