package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The plan of the repository's {@code examples/}: the three ImagePullSecrets of the IMPS
 * documentation over the example namespaces, pods and secrets.
 */
class ExamplesPlanTest {

  /** Surefire runs in the module folder. */
  static final String EXAMPLES = "../examples";

  static final String ECR_HOST = "123456789012.dkr.ecr.eu-central-1.amazonaws.com";

  /** Every secret value in examples/, and the base64 forms a copy would carry. */
  static final String[] SECRET_VALUES = {
    "not-a-real-password",
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    base64("imps-example:not-a-real-password"),
    base64("hand-made:not-a-real-password"),
    UnresolvedEcrProvider.PLACEHOLDER_PASSWORD,
    base64("AWS:" + UnresolvedEcrProvider.PLACEHOLDER_PASSWORD)
  };

  static JsonObject report;

  @BeforeAll
  static void plan() {
    report = PlanRun.succeeding(EXAMPLES, "-o", "json").json();
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        Arguments.of(
            "istio-sidecars",
            Map.of(
                "mesh-apps", "namespaces.annotations[0]",
                "shop", "namespacesWithPods.annotations[0] via pod web")),
        Arguments.of(
            "backyards-namespaces",
            Map.of(
                "backyards-system", "names[1]",
                "backyards-canary", "names[2]",
                "cert-manager", "names[3]",
                "istio-system", "names[4]")),
        Arguments.of(
            "any-clause",
            Map.of(
                "mesh-apps", "namespaces.annotations[0]",
                "partner-access", "namespaces.annotations[1]",
                "canary-rev", "namespaces.labels[0]",
                "backyards-system", "names[1]",
                "backyards-canary", "names[2]",
                "cert-manager", "names[3]",
                "istio-system", "names[4]",
                "shop", "namespacesWithPods.annotations[0] via pod web",
                "payments", "namespacesWithPods.labels[0] via pod api")));
  }

  @ParameterizedTest(name = "{0} selects exactly {1}")
  @MethodSource("selections")
  void each_documentation_example_selects_its_namespaces_by_the_clause_the_plan_names(
      String name, Map<String, String> expected) {
    JsonObject plan = PlanJson.plan(report, name);

    assertThat(PlanJson.selected(plan)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(plan.get("namespacesEvaluated").getAsInt()).isEqualTo(11);
  }

  @ParameterizedTest(name = "{0} writes {1} in every namespace it selects but a conflicting one")
  @MethodSource("targets")
  void every_selected_namespace_gets_a_create_except_where_a_secret_is_in_the_way(
      String name, String secret) {
    JsonObject plan = PlanJson.plan(report, name);

    assertThat(plan.get("targetSecret").getAsString()).isEqualTo(secret);
    Stream<String> expected =
        PlanJson.selected(plan).keySet().stream()
            .map(
                namespace ->
                    (name.equals("backyards-namespaces") && namespace.equals("cert-manager")
                            ? "conflict "
                            : "create ")
                        + namespace
                        + "/"
                        + secret);
    assertThat(PlanJson.changes(plan)).containsExactlyInAnyOrderElementsOf(expected.toList());
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("istio-sidecars", "istio-pull-secret"),
        Arguments.of("backyards-namespaces", "backyards-pull-secret"),
        Arguments.of("any-clause", "mesh-pull-secret"));
  }

  @Test
  void the_hand_made_secret_is_a_conflict_that_says_how_to_hand_it_over() {
    JsonObject plan = PlanJson.plan(report, "backyards-namespaces");

    assertThat(PlanJson.reason(plan, "cert-manager", "backyards-pull-secret"))
        .contains("not managed by imps")
        .contains("images.banzaicloud.io/adopt-by=backyards-namespaces");
    assertThat(report.getAsJsonObject("summary").get("conflict").getAsInt()).isEqualTo(1);
    assertThat(report.getAsJsonObject("summary").get("create").getAsInt()).isEqualTo(14);
  }

  @Test
  void a_name_that_matches_no_namespace_is_pointed_out() {
    JsonObject plan = PlanJson.plan(report, "backyards-namespaces");

    assertThat(plan.getAsJsonArray("missingNamespaces"))
        .containsExactly(JsonParser.parseString("\"backyards-registry-access\""));
  }

  @Test
  void the_ecr_source_shows_its_registry_host_without_calling_aws() {
    JsonObject plan = PlanJson.plan(report, "backyards-namespaces");
    JsonObject ecr = PlanJson.source(plan, "registry-access/ecr-pull-secret");

    assertThat(report.get("ecrResolved").getAsBoolean()).isFalse();
    assertThat(ecr.get("type").getAsString()).isEqualTo("banzaicloud.io/aws-ecr-login-config");
    assertThat(ecr.get("registries").toString()).contains(ECR_HOST);
    assertThat(ecr.get("message").getAsString()).contains(UnresolvedEcrProvider.NOT_RESOLVED);
    JsonObject entry = plan.getAsJsonObject("dockerConfig").getAsJsonObject("auths");
    assertThat(entry.getAsJsonObject(ECR_HOST).get("username").getAsString()).isEqualTo("AWS");
  }

  @Test
  void the_docker_config_shows_registries_and_users_with_every_secret_redacted() {
    JsonObject auths =
        PlanJson.plan(report, "backyards-namespaces")
            .getAsJsonObject("dockerConfig")
            .getAsJsonObject("auths");

    assertThat(auths.keySet()).containsExactly(ECR_HOST, "https://index.docker.io/v1/");
    JsonObject dockerHub = auths.getAsJsonObject("https://index.docker.io/v1/");
    assertThat(dockerHub.get("username").getAsString()).isEqualTo("imps-example");
    assertThat(dockerHub.get("password").getAsString()).isEqualTo(RedactedDockerConfig.REDACTED);
    assertThat(dockerHub.get("auth").getAsString()).isEqualTo(RedactedDockerConfig.REDACTED);
  }

  @ParameterizedTest(name = "-o {0} shows no secret value")
  @ValueSource(strings = {"table", "json", "yaml"})
  void no_output_format_shows_a_secret_value(String format) {
    PlanRun run = PlanRun.succeeding(EXAMPLES, "-o", format);

    assertThat(run.everything()).doesNotContain(SECRET_VALUES).contains("<redacted>");
  }

  @Test
  void the_table_names_each_selected_namespace_with_its_clause_and_sums_up() {
    PlanRun run = PlanRun.succeeding(EXAMPLES);

    assertThat(run.out())
        .contains("ImagePullSecret istio-sidecars")
        .containsPattern("shop +namespacesWithPods.annotations\\[0\\] via pod web")
        .containsPattern("conflict +cert-manager/backyards-pull-secret +secret exists")
        .contains("backyards-registry-access  listed in names, but no such namespace")
        .contains(
            "Plan: 14 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged,"
                + " 1 conflicts, 0 held, 0 ServiceAccounts to patch, 0 invalid");
  }

  @Test
  void yaml_output_holds_the_same_facts_as_json() {
    PlanRun yaml = PlanRun.of(EXAMPLES, "-o", "yaml");

    Object tree = new Yaml().load(yaml.out());
    JsonElement fromYaml = JsonParser.parseString(new Gson().toJson(tree));
    assertThat(fromYaml).isEqualTo(report);
  }

  @Test
  void without_a_path_the_plan_reads_the_examples_embedded_in_the_jar() {
    PlanRun embedded = PlanRun.of("-o", "json");

    assertThat(embedded.exitCode()).as(embedded.err()).isZero();
    JsonObject fromJar = embedded.json();
    assertThat(fromJar.get("input").getAsString()).isEqualTo("the embedded examples");
    assertThat(withoutOrigins(fromJar)).isEqualTo(withoutOrigins(report));
    assertThat(PlanJson.plan(fromJar, "istio-sidecars").get("origin").getAsString())
        .isEqualTo("embedded examples/30-imps-sidecar-injection.yaml document 1");
  }

  private static JsonObject withoutOrigins(JsonObject report) {
    JsonObject copy = report.deepCopy();
    copy.remove("input");
    copy.getAsJsonArray("imagePullSecrets").forEach(p -> p.getAsJsonObject().remove("origin"));
    return copy;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
