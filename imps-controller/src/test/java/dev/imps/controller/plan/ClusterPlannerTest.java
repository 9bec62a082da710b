package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.Gson;
import dev.imps.controller.plan.ImagePullSecretPlan.Action;
import dev.imps.controller.plan.ImagePullSecretPlan.Change;
import dev.imps.controller.reconcile.PullSecretRenderers;
import dev.imps.controller.reconcile.ReconcilePlanner;
import dev.imps.controller.reconcile.SecretChange;
import java.io.StringReader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans of small clusters given as YAML, one situation each. */
class ClusterPlannerTest {

  static final String CLUSTER =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: apps, labels: {team: a}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: web, labels: {team: a}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: gone, labels: {team: a}, deletionTimestamp: "2024-05-01T12:00:00Z"}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: other}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: source, namespace: other}
      type: kubernetes.io/dockerconfigjson
      stringData:
        .dockerconfigjson: '{"auths": {"registry.example.com": {"username": "u", "password": "p"}}}'
      """;

  static String imps(String name, String metadata, String target) {
    return """
        ---
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata: {name: %s%s}
        spec:
          registry:
            credentials: [{name: source, namespace: other}]
          target:
        %s
        """
        .formatted(name, metadata, target.indent(4));
  }

  static final String TEAM_A =
      "secret: {name: pull}\nnamespaces:\n  labels: [{matchLabels: {team: a}}]";

  @Test
  void a_selected_namespace_without_the_secret_gets_a_create_and_a_terminating_one_is_skipped()
      throws Exception {
    ImagePullSecretPlan plan = planOf(CLUSTER + imps("pull", "", TEAM_A)).plans().get(0);

    assertThat(plan.changes())
        .extracting(Change::action, Change::namespace)
        .containsExactly(tuple(Action.CREATE, "apps"), tuple(Action.CREATE, "web"));
    assertThat(plan.selected())
        .filteredOn(ImagePullSecretPlan.SelectedNamespace::terminating)
        .extracting(ImagePullSecretPlan.SelectedNamespace::namespace)
        .containsExactly("gone");
  }

  @Test
  void after_the_creates_are_applied_the_plan_keeps_everything() throws Exception {
    String cr = imps("pull", ", uid: uid-pull", TEAM_A);
    String copies = appliedCreates(CLUSTER + cr);

    ImagePullSecretPlan plan = planOf(CLUSTER + cr + copies).plans().get(0);

    assertThat(plan.changes()).extracting(Change::action).containsOnly(Action.KEEP).hasSize(2);
  }

  @Test
  void a_copy_with_stale_data_is_updated_and_one_in_a_deselected_namespace_is_deleted()
      throws Exception {
    String cr = imps("pull", ", uid: uid-pull", TEAM_A);
    String copies =
        appliedCreates(CLUSTER + cr)
            .replace("\"namespace\":\"web\"", "\"namespace\":\"other\"")
            // The first document is the copy in apps.
            .replaceFirst("\\.dockerconfigjson\":\"", ".dockerconfigjson\":\"AAAA");

    ImagePullSecretPlan plan = planOf(CLUSTER + cr + copies).plans().get(0);

    assertThat(plan.changes())
        .extracting(Change::action, Change::namespace)
        .containsExactly(
            tuple(Action.UPDATE, "apps"),
            tuple(Action.DELETE, "other"),
            tuple(Action.CREATE, "web"));
    assertThat(plan.changes().get(0).reason()).endsWith("(changes data)");
    assertThat(plan.changes().get(1).reason()).isEqualTo("namespace no longer selected");
  }

  @Test
  void with_an_unresolved_ecr_source_a_data_update_says_it_compared_placeholders()
      throws Exception {
    String ecr =
        "---\napiVersion: v1\nkind: Secret\nmetadata: {name: ecr, namespace: other}\n"
            + "type: banzaicloud.io/aws-ecr-login-config\n"
            + "stringData: {region: eu-west-1, accountID: \"123456789012\"}\n";
    String cr =
        imps("pull", ", uid: uid-pull", TEAM_A)
            .replace("{name: source, namespace: other}", "{name: ecr, namespace: other}");
    String copies =
        appliedCreates(CLUSTER + ecr + cr)
            .replaceFirst("\\.dockerconfigjson\":\"", ".dockerconfigjson\":\"AAAA");

    ImagePullSecretPlan plan = planOf(CLUSTER + ecr + cr + copies).plans().get(0);

    assertThat(plan.changes())
        .extracting(Change::action, Change::namespace)
        .containsExactly(tuple(Action.UPDATE, "apps"), tuple(Action.KEEP, "web"));
    assertThat(plan.changes().get(0).reason())
        .endsWith(
            "(changes data); data compared with unresolved ECR tokens: --resolve compares real"
                + " ones");
  }

  @Test
  void two_imagepullsecrets_wanting_one_secret_the_older_writes_and_the_newer_conflicts()
      throws Exception {
    String older = imps("zeta", ", creationTimestamp: \"2024-01-01T00:00:00Z\"", TEAM_A);
    String newer = imps("alpha", ", creationTimestamp: \"2024-06-01T00:00:00Z\"", TEAM_A);

    PlanReport report = planOf(CLUSTER + newer + older);

    ImagePullSecretPlan alpha = report.plans().get(0);
    assertThat(alpha.name()).isEqualTo("alpha");
    assertThat(alpha.changes()).extracting(Change::action).containsOnly(Action.CONFLICT);
    assertThat(alpha.changes().get(0).reason())
        .startsWith("ImagePullSecret zeta writes this secret too");
    assertThat(report.plans().get(1).changes())
        .extracting(Change::action)
        .containsOnly(Action.CREATE);
  }

  @Test
  void a_serviceaccount_in_a_selected_namespace_is_patched_to_use_the_secret() throws Exception {
    String target = TEAM_A + "\nserviceAccounts: {names: [builder]}";
    String account =
        "---\napiVersion: v1\nkind: ServiceAccount\n"
            + "metadata: {name: builder, namespace: apps}\nimagePullSecrets: [{name: other}]\n";

    ImagePullSecretPlan plan = planOf(CLUSTER + account + imps("pull", "", target)).plans().get(0);

    assertThat(plan.serviceAccounts())
        .containsExactly(
            new ImagePullSecretPlan.ServiceAccountChange(
                "apps", "builder", List.of("pull"), List.of()));
  }

  @Test
  void a_missing_source_is_planned_as_the_operator_treats_it_inside_its_grace_period()
      throws Exception {
    String cr = imps("pull", "", TEAM_A).replace("name: source", "name: absent");

    ImagePullSecretPlan plan = planOf(CLUSTER + cr).plans().get(0);

    assertThat(plan.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.secret()).isEqualTo("other/absent");
              assertThat(s.state()).isEqualTo("failed");
              assertThat(s.message())
                  .contains("secret not found since")
                  .contains("last good credentials are kept until");
              assertThat(s.type()).isEmpty();
            });
  }

  @Test
  void an_invalid_spec_is_reported_with_its_field_and_plans_nothing() throws Exception {
    String target =
        "secret: {name: pull}\nnamespaces:\n"
            + "  labels: [{matchExpressions: [{key: team, operator: Sometimes}]}]";

    PlanReport report = planOf(CLUSTER + imps("pull", "", target));

    assertThat(report.invalid())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.invalidSpec())
                  .hasValueSatisfying(
                      m ->
                          assertThat(m)
                              .contains("ImagePullSecret pull")
                              .contains(
                                  "spec.target.namespaces.labels[0].matchExpressions[0].operator"));
              assertThat(p.changes()).isEmpty();
            });
  }

  @Test
  void copies_of_a_gone_or_deleting_imagepullsecret_are_deleted_except_in_terminating_namespaces()
      throws Exception {
    String deleting =
        imps("pull", ", uid: uid-pull, deletionTimestamp: \"2024-05-01T12:00:00Z\"", TEAM_A);
    String copies = appliedCreates(CLUSTER + imps("pull", ", uid: uid-pull", TEAM_A));
    String inTerminating =
        copies.substring(0, copies.indexOf("---", 1)).replace("\"apps\"", "\"gone\"");
    String ofAnotherGone =
        inTerminating.replace("\"gone\"", "\"other\"").replace("uid-pull", "uid-older");

    PlanReport report = planOf(CLUSTER + deleting + copies + inTerminating + ofAnotherGone);

    assertThat(report.plans()).isEmpty();
    assertThat(report.warnings())
        .containsExactly(
            "ImagePullSecret pull is being deleted: imps treats it as gone and deletes its copies");
    assertThat(report.orphans())
        .extracting(Change::action, Change::namespace, Change::reason)
        .containsExactlyInAnyOrder(
            tuple(Action.DELETE, "apps", "its ImagePullSecret (uid uid-pull) no longer exists"),
            tuple(Action.DELETE, "web", "its ImagePullSecret (uid uid-pull) no longer exists"),
            tuple(Action.DELETE, "other", "its ImagePullSecret (uid uid-older) no longer exists"));
    assertThat(report.count(Action.DELETE)).isEqualTo(3);
  }

  private static PlanReport planOf(String yaml) throws PlanInputException {
    ClusterObjects.Builder builder = ClusterObjects.builder();
    ManifestReader.readText(new StringReader(yaml), "test.yaml", builder);
    try (PlanCredentials credentials = PlanCredentials.offline()) {
      return ClusterPlanner.plan(builder.build(), credentials, "test.yaml");
    }
  }

  /** The copies the operator would create, as JSON documents with the fields the API adds. */
  private static String appliedCreates(String yaml) throws PlanInputException {
    ClusterObjects.Builder builder = ClusterObjects.builder();
    ManifestReader.readText(new StringReader(yaml), "test.yaml", builder);
    ClusterObjects objects = builder.build();
    ReconcilePlanner planner =
        new ReconcilePlanner(
            new SnapshotClusterState(objects),
            new PullSecretRenderers(PlanCredentials.offline().providers(), Clock.systemUTC()));
    StringBuilder documents = new StringBuilder();
    for (var cr : objects.imagePullSecrets().values()) {
      for (SecretChange.Create create : planner.plan(cr).changes(SecretChange.Create.class)) {
        Map<String, Object> manifest = new LinkedHashMap<>(create.desired().manifest());
        documents.append("---\n").append(new Gson().toJson(manifest)).append('\n');
      }
    }
    return documents.toString();
  }
}
