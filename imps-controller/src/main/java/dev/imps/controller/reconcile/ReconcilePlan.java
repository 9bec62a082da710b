package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.SourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one pass would do for one {@code ImagePullSecret}, before anything is written: the verdict
 * per namespace with the clause that decided it, the rendered sources, the secret changes (create,
 * update, replace, delete, conflict, hold, keep) and the ServiceAccount patches.
 *
 * <p>The operator applies it; the offline {@code imps plan} command prints {@link #describe()}.
 * Immutable. It holds the rendered credentials inside its desired secrets, but neither {@link
 * #describe()} nor {@link #toString()} shows them.
 */
public final class ReconcilePlan {

  private final String name;
  private final String uid;
  private final long generation;
  private final String invalidSpec;
  private final ResolvedSpec spec;
  private final List<NamespaceDecision> decisions;
  private final MergedConfig merged;
  private final CopyContent content;
  private final SecretDiff diff;
  private final List<ServiceAccountPatch> serviceAccountPatches;

  private ReconcilePlan(
      String name,
      String uid,
      long generation,
      String invalidSpec,
      ResolvedSpec spec,
      List<NamespaceDecision> decisions,
      MergedConfig merged,
      CopyContent content,
      SecretDiff diff,
      List<ServiceAccountPatch> serviceAccountPatches) {
    this.name = name;
    this.uid = uid;
    this.generation = generation;
    this.invalidSpec = invalidSpec;
    this.spec = spec;
    this.decisions = List.copyOf(decisions);
    this.merged = merged;
    this.content = content;
    this.diff = diff;
    this.serviceAccountPatches = List.copyOf(serviceAccountPatches);
  }

  /**
   * Returns the plan for a spec that can never work: no writes, only a status.
   *
   * @param name the object's name
   * @param uid the object's uid
   * @param generation the object's generation
   * @param message what is wrong, naming the fields
   * @return the plan
   */
  public static ReconcilePlan invalid(String name, String uid, long generation, String message) {
    return new ReconcilePlan(
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(uid, "uid"),
        generation,
        Objects.requireNonNull(message, "message"),
        null,
        List.of(),
        null,
        null,
        null,
        List.of());
  }

  /**
   * Returns the plan of a valid spec.
   *
   * @param spec the resolved spec
   * @param selection the namespace decisions
   * @param merged the rendered sources
   * @param content what may be written
   * @param diff the secret changes
   * @param serviceAccountPatches the ServiceAccount patches
   * @return the plan
   */
  public static ReconcilePlan of(
      ResolvedSpec spec,
      NamespaceSelection selection,
      MergedConfig merged,
      CopyContent content,
      SecretDiff diff,
      List<ServiceAccountPatch> serviceAccountPatches) {
    return new ReconcilePlan(
        spec.name(),
        spec.uid(),
        spec.generation(),
        null,
        spec,
        selection.decisions(),
        Objects.requireNonNull(merged, "merged"),
        Objects.requireNonNull(content, "content"),
        Objects.requireNonNull(diff, "diff"),
        serviceAccountPatches);
  }

  /**
   * Returns the {@code ImagePullSecret}'s name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the {@code ImagePullSecret}'s uid.
   *
   * @return the uid
   */
  public String uid() {
    return uid;
  }

  /**
   * Returns the generation the plan was made for.
   *
   * @return {@code metadata.generation}
   */
  public long generation() {
    return generation;
  }

  /**
   * Returns why the spec is invalid.
   *
   * @return the message, or empty for a valid spec
   */
  public Optional<String> invalidSpec() {
    return Optional.ofNullable(invalidSpec);
  }

  /**
   * Returns the resolved spec.
   *
   * @return the spec, or empty if it is invalid
   */
  public Optional<ResolvedSpec> spec() {
    return Optional.ofNullable(spec);
  }

  /**
   * Returns the verdict for every namespace.
   *
   * @return the decisions, ordered by namespace; empty for an invalid spec
   */
  public List<NamespaceDecision> decisions() {
    return decisions;
  }

  /**
   * Returns the rendered sources.
   *
   * @return the merged config, or empty for an invalid spec
   */
  public Optional<MergedConfig> merged() {
    return Optional.ofNullable(merged);
  }

  /**
   * Returns what may be written.
   *
   * @return the content decision, or empty for an invalid spec
   */
  public Optional<CopyContent> content() {
    return Optional.ofNullable(content);
  }

  /**
   * Returns the secret changes.
   *
   * @return the changes, ordered by namespace; empty for an invalid spec
   */
  public List<SecretChange> changes() {
    return diff == null ? List.of() : diff.changes();
  }

  /**
   * Returns the secret changes of one kind.
   *
   * @param kind e.g. {@code SecretChange.Conflict.class}
   * @param <T> the kind
   * @return those changes, ordered by namespace
   */
  public <T extends SecretChange> List<T> changes(Class<T> kind) {
    return diff == null ? List.of() : diff.changes(kind);
  }

  /**
   * Returns the ServiceAccount patches.
   *
   * @return the patches, ordered by namespace and name
   */
  public List<ServiceAccountPatch> serviceAccountPatches() {
    return serviceAccountPatches;
  }

  /**
   * Returns the namespaces where the copy is or will be in place if every write succeeds.
   *
   * @return the names, sorted
   */
  public Set<String> intendedNamespaces() {
    return diff == null ? Set.of() : diff.intendedNamespaces();
  }

  /**
   * Describes the plan for humans, one line per fact, e.g. for {@code imps plan}.
   *
   * @return the lines
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(ApiConstants.KIND + " " + name + " (generation " + generation + ")");
    if (invalidSpec != null) {
      lines.add("  invalid spec: " + invalidSpec);
      return lines;
    }
    lines.add("  target secret: " + spec.secretName());
    for (SourceStatus source : merged.sources()) {
      lines.add("  source " + source.source() + ": " + source.message());
    }
    merged.earliestExpiry().ifPresent(e -> lines.add("  earliest expiry: " + e));
    if (!content.holdReason().isEmpty()) {
      lines.add("  writes held: " + content.holdReason());
    }
    for (NamespaceDecision decision : decisions) {
      lines.add("  namespace " + decision.namespace() + ": " + decision.explanation());
    }
    for (SecretChange change : diff.changes()) {
      lines.add("  " + change.describe());
    }
    for (ServiceAccountPatch patch : serviceAccountPatches) {
      lines.add(
          "  patch serviceaccount "
              + patch.namespace()
              + "/"
              + patch.name()
              + (patch.added().isEmpty() ? "" : " add " + patch.added())
              + (patch.removed().isEmpty() ? "" : " remove " + patch.removed()));
    }
    return lines;
  }

  @Override
  public String toString() {
    return String.join("\n", describe());
  }
}
