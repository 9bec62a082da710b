package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.imps.controller.cli.PlanCommand;
import dev.imps.envtest.KubeControlPlane;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.auth.ApiKeyAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imps plan --kubeconfig} against a real API server holding the applied examples, as a user
 * who may only get and list: the live plan equals the plan of the files, and of a {@code kubectl
 * get -o yaml} dump of the cluster. The cluster is this class's own, so no other test's
 * ImagePullSecret competes for the examples' namespaces.
 */
class PlanLiveClusterIT {

  static final String EXAMPLES = Path.of("../examples").toAbsolutePath().normalize().toString();

  static final List<String> NAMES = List.of("istio-sidecars", "backyards-namespaces", "any-clause");

  /** Everything the plan reads, read-only: get and list, no watch, no write. */
  static final String READER_ROLE =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: %s}
      rules:
        - apiGroups: [""]
          resources: [namespaces, pods, serviceaccounts%s]
          verbs: [get, list]
        - apiGroups: [images.banzaicloud.io]
          resources: [imagepullsecrets]
          verbs: [get, list]
      """;

  @TempDir static Path folder;

  static KubeControlPlane kube;
  static Path readerKubeconfig;
  static Path noSecretsKubeconfig;

  @BeforeAll
  static void applyExamples() throws Exception {
    kube = KubeControlPlane.start();
    kube.installImpsCrd();
    kube.kubectl("apply", "-f", EXAMPLES);
    kube.kubectlWithInput(
        READER_ROLE.formatted("imps-plan-reader", ", secrets"), "apply", "-f", "-");
    kube.kubectlWithInput(READER_ROLE.formatted("imps-plan-no-secrets", ""), "apply", "-f", "-");
    readerKubeconfig = kubeconfigFor(kube.clientForClusterRole("imps-plan-reader"), "reader");
    noSecretsKubeconfig =
        kubeconfigFor(kube.clientForClusterRole("imps-plan-no-secrets"), "no-secrets");
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  void the_live_plan_as_a_read_only_user_equals_the_plan_of_the_example_files() {
    PlanRun live = PlanRun.of("--kubeconfig", readerKubeconfig.toString(), "-o", "json");
    PlanRun files = PlanRun.of(EXAMPLES, "-o", "json");

    assertThat(live.exitCode()).as(live.err()).isZero();
    assertThat(live.json().get("input").getAsString()).startsWith("cluster https://127.0.0.1:");
    for (String name : NAMES) {
      assertThat(examplesOnly(PlanJson.plan(live.json(), name)))
          .as(name)
          .isEqualTo(examplesOnly(PlanJson.plan(files.json(), name)));
    }
    assertThat(PlanJson.changes(PlanJson.plan(live.json(), "backyards-namespaces")))
        .contains("conflict cert-manager/backyards-pull-secret");
  }

  @Test
  void a_kubectl_dump_of_the_cluster_plans_like_the_cluster() throws IOException {
    Path dump = folder.resolve("dump.yaml");
    Files.writeString(
        dump,
        kube.kubectl("get", "namespaces,pods,secrets,serviceaccounts", "-A", "-o", "yaml")
            + "---\n"
            + kube.kubectl("get", "imps", "-o", "yaml"));

    PlanRun fromDump = PlanRun.of(dump.toString(), "-o", "json");
    PlanRun live = PlanRun.of("--kubeconfig", readerKubeconfig.toString(), "-o", "json");

    assertThat(fromDump.exitCode()).as(fromDump.err()).isZero();
    for (String name : NAMES) {
      JsonObject dumped = PlanJson.plan(fromDump.json(), name);
      JsonObject read = PlanJson.plan(live.json(), name);
      assertThat(withoutOrigin(dumped)).as(name).isEqualTo(withoutOrigin(read));
    }
  }

  @Test
  void a_user_who_may_not_list_secrets_gets_an_error_naming_the_request() {
    PlanRun run = PlanRun.of("--kubeconfig", noSecretsKubeconfig.toString());

    assertThat(run.exitCode()).isEqualTo(PlanCommand.INVALID_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("imps plan: cluster: LIST secrets -l images.banzaicloud.io/owner-uid: 403 ")
        .contains("forbidden");
  }

  /**
   * The plan without what differs by nature: where it was read, and how many namespaces there are
   * (the cluster has default, kube-system and more; none matches an example's selector).
   */
  private static JsonObject examplesOnly(JsonObject plan) {
    JsonObject copy = withoutOrigin(plan);
    copy.remove("namespacesEvaluated");
    return copy;
  }

  private static JsonObject withoutOrigin(JsonObject plan) {
    JsonObject copy = plan.deepCopy();
    copy.remove("origin");
    return copy;
  }

  private static Path kubeconfigFor(ApiClient client, String name) throws IOException {
    String token = ((ApiKeyAuth) client.getAuthentication("BearerToken")).getApiKey();
    String admin = Files.readString(kube.kubeconfigFile());
    Path file = folder.resolve(name + ".kubeconfig");
    Files.writeString(file, admin.replaceAll("(?m)^(\\s*token: ).*$", "$1" + token));
    return file;
  }
}
