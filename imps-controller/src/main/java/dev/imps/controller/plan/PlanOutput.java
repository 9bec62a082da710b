package dev.imps.controller.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.imps.controller.plan.ImagePullSecretPlan.Action;
import dev.imps.controller.plan.ImagePullSecretPlan.Change;
import dev.imps.controller.plan.ImagePullSecretPlan.SelectedNamespace;
import dev.imps.controller.plan.ImagePullSecretPlan.ServiceAccountChange;
import dev.imps.controller.plan.ImagePullSecretPlan.Source;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Prints a {@link PlanReport}: a table for people, or the same facts as JSON or YAML for tools (one
 * object with {@code input}, {@code counts}, {@code ecrResolved}, {@code warnings}, {@code summary}
 * and {@code imagePullSecrets}). Every format shows the docker config only redacted.
 */
public final class PlanOutput {

  /** The output formats of {@code --output}. */
  public enum Format {
    /** Aligned text for a terminal. */
    TABLE,
    /** Pretty-printed JSON. */
    JSON,
    /** Block-style YAML. */
    YAML
  }

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private PlanOutput() {}

  /**
   * Prints a report.
   *
   * @param report the report
   * @param format how
   * @param out where; flushed, not closed
   */
  public static void write(PlanReport report, Format format, PrintWriter out) {
    switch (format) {
      case JSON -> out.println(GSON.toJson(report.toTree()));
      case YAML -> out.print(yaml().dump(report.toTree()));
      default -> table(report, out);
    }
    out.flush();
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    return new Yaml(options);
  }

  private static void table(PlanReport report, PrintWriter out) {
    PlanReport.Counts counts = report.counts();
    out.printf(
        "imps plan of %s: %d ImagePullSecrets, %d namespaces, %d pods, %d secrets,"
            + " %d ServiceAccounts%n",
        report.input(),
        counts.imagePullSecrets(),
        counts.namespaces(),
        counts.pods(),
        counts.secrets(),
        counts.serviceAccounts());
    out.println(
        report.ecrResolved()
            ? "ECR tokens: fetched from AWS (--resolve)"
            : "ECR tokens: not fetched (registry hosts only; --resolve calls AWS)");
    for (String warning : report.warnings()) {
      out.println("warning: " + warning);
    }
    for (ImagePullSecretPlan plan : report.plans()) {
      out.println();
      plan(plan, out);
    }
    if (!report.orphans().isEmpty()) {
      out.println();
      out.println("Copies whose ImagePullSecret is gone:");
      for (Change orphan : report.orphans()) {
        out.printf(
            "    %-8s  %s/%s  %s%n",
            orphan.action().label(), orphan.namespace(), orphan.secret(), orphan.reason());
      }
    }
    if (!report.orphanServiceAccounts().isEmpty()) {
      out.println();
      out.println("ServiceAccount references of ImagePullSecrets that are gone:");
      for (ServiceAccountChange account : report.orphanServiceAccounts()) {
        out.printf(
            "    patch %s/%s remove %s%n", account.namespace(), account.name(), account.remove());
      }
    }
    out.println();
    out.printf(
        "Plan: %d to create, %d to update, %d to replace, %d to delete, %d unchanged,"
            + " %d conflicts, %d held, %d ServiceAccounts to patch, %d invalid%n",
        report.count(Action.CREATE),
        report.count(Action.UPDATE),
        report.count(Action.REPLACE),
        report.count(Action.DELETE),
        report.count(Action.KEEP),
        report.count(Action.CONFLICT),
        report.count(Action.HOLD),
        report.serviceAccountPatches(),
        report.invalid().size());
  }

  private static void plan(ImagePullSecretPlan plan, PrintWriter out) {
    out.printf("ImagePullSecret %s  (%s)%n", plan.name(), plan.origin());
    if (plan.invalidSpec().isPresent()) {
      out.println("  INVALID: " + plan.invalidSpec().get());
      out.println("  nothing is written; the status reports the error");
      return;
    }
    out.println("  target secret: " + plan.targetSecret());
    out.println("  sources:");
    for (Source source : plan.sources()) {
      out.printf(
          "    %s (%s): %s%s%n",
          source.secret(),
          source.type().isEmpty() ? "not found" : source.type(),
          source.message(),
          source.registries().isEmpty() ? "" : "  registries " + source.registries());
    }
    plan.earliestExpiry().ifPresent(e -> out.println("  earliest expiry: " + e));
    if (!plan.writesHeld().isEmpty()) {
      out.println("  writes held: " + plan.writesHeld());
    }
    out.printf(
        "  namespaces: %d of %d selected%n", plan.selected().size(), plan.namespacesEvaluated());
    columns(
        plan.selected(),
        SelectedNamespace::namespace,
        n -> n.clause() + (n.terminating() ? " (terminating: skipped)" : ""),
        out);
    for (String missing : plan.missingNamespaces()) {
      out.println("    " + missing + "  listed in names, but no such namespace");
    }
    out.println("  changes:" + (plan.changes().isEmpty() ? " none" : ""));
    int width =
        plan.changes().stream()
            .mapToInt(c -> c.namespace().length() + c.secret().length() + 1)
            .max()
            .orElse(0);
    for (Change change : plan.changes()) {
      String ref = change.namespace() + "/" + change.secret();
      out.printf("    %-8s  %-" + width + "s  %s%n", change.action().label(), ref, change.reason());
    }
    if (!plan.serviceAccounts().isEmpty()) {
      out.println("  serviceaccounts:");
      for (ServiceAccountChange account : plan.serviceAccounts()) {
        out.printf(
            "    patch %s/%s%s%s%n",
            account.namespace(),
            account.name(),
            account.add().isEmpty() ? "" : " add " + account.add(),
            account.remove().isEmpty() ? "" : " remove " + account.remove());
      }
    }
    out.println("  docker config (secrets redacted):");
    GSON.toJson(plan.dockerConfig()).lines().forEach(line -> out.println("    " + line));
  }

  private static <T> void columns(
      List<T> rows, Function<T, String> left, Function<T, String> right, PrintWriter out) {
    int width = rows.stream().mapToInt(r -> left.apply(r).length()).max().orElse(0);
    for (T row : rows) {
      out.printf("    %-" + width + "s  %s%n", left.apply(row), right.apply(row));
    }
  }
}
