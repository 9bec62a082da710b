package dev.imps.controller.plan;

import dev.imps.controller.plan.ImagePullSecretPlan.Action;
import dev.imps.controller.plan.ImagePullSecretPlan.Change;
import dev.imps.controller.plan.ImagePullSecretPlan.ServiceAccountChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole output of {@code imps plan}: what was read, whether ECR was resolved, warnings about
 * the input, and one {@link ImagePullSecretPlan} per {@code ImagePullSecret}, by name.
 *
 * @param input what was read, e.g. {@code examples} or {@code cluster https://127.0.0.1:6443}
 * @param counts how many objects of each kind were read
 * @param ecrResolved whether ECR tokens were fetched ({@code --resolve})
 * @param warnings notes about the input, without secret values
 * @param plans the plans, by name
 * @param orphans copies whose {@code ImagePullSecret} no longer exists (or is being deleted), which
 *     the operator's sweep deletes
 * @param orphanServiceAccounts the ServiceAccount references the same sweep removes
 */
public record PlanReport(
    String input,
    Counts counts,
    boolean ecrResolved,
    List<String> warnings,
    List<ImagePullSecretPlan> plans,
    List<Change> orphans,
    List<ServiceAccountChange> orphanServiceAccounts) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public PlanReport {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(counts, "counts");
    warnings = List.copyOf(warnings);
    plans = List.copyOf(plans);
    orphans = List.copyOf(orphans);
    orphanServiceAccounts = List.copyOf(orphanServiceAccounts);
  }

  /**
   * Counts the changes of one action over every plan.
   *
   * @param action the action
   * @return how many
   */
  public int count(Action action) {
    int inPlans = plans.stream().mapToInt(p -> p.changes(action).size()).sum();
    return inPlans + (int) orphans.stream().filter(c -> c.action() == action).count();
  }

  /**
   * Counts the ServiceAccount patches over every plan and the sweep.
   *
   * @return how many
   */
  public int serviceAccountPatches() {
    return plans.stream().mapToInt(p -> p.serviceAccounts().size()).sum()
        + orphanServiceAccounts.size();
  }

  /**
   * Returns the plans whose spec can never work.
   *
   * @return those plans, by name
   */
  public List<ImagePullSecretPlan> invalid() {
    return plans.stream().filter(p -> p.invalidSpec().isPresent()).toList();
  }

  /**
   * Returns the report as plain maps and lists for JSON and YAML output.
   *
   * @return the tree; no secret values
   */
  public Map<String, Object> toTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("input", input);
    tree.put("counts", counts.toTree());
    tree.put("ecrResolved", ecrResolved);
    tree.put("warnings", warnings);
    Map<String, Object> summary = new LinkedHashMap<>();
    for (Action action : Action.values()) {
      summary.put(action.label(), count(action));
    }
    summary.put("serviceAccountPatches", serviceAccountPatches());
    summary.put("invalidSpecs", invalid().size());
    tree.put("summary", summary);
    tree.put("imagePullSecrets", plans.stream().map(ImagePullSecretPlan::toTree).toList());
    tree.put("orphans", orphans.stream().map(Change::toTree).toList());
    tree.put(
        "orphanServiceAccounts",
        orphanServiceAccounts.stream().map(ServiceAccountChange::toTree).toList());
    return tree;
  }

  /**
   * How many objects of each kind the plan read.
   *
   * @param imagePullSecrets {@code ImagePullSecret}s
   * @param namespaces namespaces, including those implied by objects in them
   * @param pods pods
   * @param secrets secrets
   * @param serviceAccounts ServiceAccounts
   */
  public record Counts(
      int imagePullSecrets, int namespaces, int pods, int secrets, int serviceAccounts) {

    /**
     * Counts a set of objects.
     *
     * @param objects the objects
     * @return the counts
     */
    public static Counts of(ClusterObjects objects) {
      return new Counts(
          objects.imagePullSecrets().size(),
          objects.namespaces().size(),
          objects.podsByNamespace().values().stream().mapToInt(List::size).sum(),
          objects.secrets().size(),
          objects.serviceAccounts().size());
    }

    Map<String, Object> toTree() {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("imagePullSecrets", imagePullSecrets);
      tree.put("namespaces", namespaces);
      tree.put("pods", pods);
      tree.put("secrets", secrets);
      tree.put("serviceAccounts", serviceAccounts);
      return tree;
    }
  }
}
