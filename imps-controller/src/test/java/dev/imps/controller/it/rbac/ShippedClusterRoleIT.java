package dev.imps.controller.it.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.RunningOperator;
import dev.imps.controller.it.support.SourceSecret;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.controller.leader.LeaderElectionSettings;
import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator running as ServiceAccount imps/imps-system with exactly the rules of {@code
 * deploy/manifests/rbac.yaml}: every feature works, so the shipped role is enough; the API server
 * enforces RBAC, so anything more the operator tried would fail.
 */
@EnableKubeControlPlane
class ShippedClusterRoleIT {

  static final Path RBAC = Path.of("..", "deploy", "manifests", "rbac.yaml");
  static final String NAMESPACE = "imps-system";

  private static TestCluster cluster;
  private static RunningOperator operator;

  @BeforeAll
  static void startOperatorAsItsServiceAccount(KubeControlPlane kube) throws Exception {
    cluster = new TestCluster(kube);
    CoreV1Api core = new CoreV1Api(cluster.admin());
    try {
      core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(NAMESPACE)))
          .execute();
    } catch (ApiException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    try {
      core.createNamespacedServiceAccount(
              NAMESPACE, new V1ServiceAccount().metadata(new V1ObjectMeta().name("imps")))
          .execute();
    } catch (ApiException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    cluster.apply(Files.readString(RBAC, StandardCharsets.UTF_8));
    ApiClient asOperator = kube.clientForServiceAccount(NAMESPACE, "imps");
    operator =
        RunningOperator.start(
                asOperator,
                settings ->
                    settings.withLeaderElection(
                        new LeaderElectionSettings(
                            NAMESPACE,
                            LeaderElectionSettings.DEFAULT_LEASE_NAME,
                            settings.identity(),
                            Duration.ofSeconds(15),
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(2))),
                null)
            .awaitReconciling();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void every_feature_works_with_exactly_the_shipped_rules() throws Exception {
    SourceSecret source = cluster.dockerLoginSource("rbac-sources", "docker-login");
    String byLabel = cluster.namespace("rbac-label", Map.of("pull", "yes"), Map.of());
    String byPod = cluster.namespace("rbac-pod");
    cluster.pod(byPod, "app", Map.of("needs", "registry"), Map.of());
    new CoreV1Api(cluster.admin())
        .createNamespacedServiceAccount(
            byLabel, new V1ServiceAccount().metadata(new V1ObjectMeta().name("default")))
        .execute();
    String name = TestCluster.uniqueName("imps-rbac");

    cluster.apply(
        Manifests.imagePullSecret(
            name,
            source,
            """
                secret:
                  name: pull-secret
                namespaces:
                  labels:
                    - matchLabels:
                        pull: "yes"
                namespacesWithPods:
                  labels:
                    - matchLabels:
                        needs: registry
                serviceAccounts:
                  names: [default]
            """));

    await("copies, status, service account and event written under the shipped role")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(byLabel, "pull-secret")).isPresent();
              assertThat(cluster.secret(byPod, "pull-secret")).isPresent();
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              assertThat(cr.getStatus()).as("status of %s", name).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.READY);
              assertThat(
                      new CoreV1Api(cluster.admin())
                          .readNamespacedServiceAccount("default", byLabel)
                          .execute()
                          .getImagePullSecrets())
                  .extracting(V1LocalObjectReference::getName)
                  .contains("pull-secret");
              assertThat(cluster.eventsAbout(name))
                  .anySatisfy(
                      event ->
                          assertThat(event.getReason()).isEqualTo(ApiConstants.REASON_RECONCILED));
            });
    assertThat(
            new CoordinationV1Api(cluster.admin())
                .readNamespacedLease(LeaderElectionSettings.DEFAULT_LEASE_NAME, NAMESPACE)
                .execute()
                .getSpec()
                .getHolderIdentity())
        .startsWith("it-operator-");

    cluster.deleteSecret(byLabel, "pull-secret");
    await("drift repaired under the shipped role")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(cluster.secret(byLabel, "pull-secret")).isPresent());

    cluster.deleteImagePullSecret(name);
    await("copies and service account reference removed under the shipped role")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(byLabel, "pull-secret")).isEmpty();
              assertThat(cluster.secret(byPod, "pull-secret")).isEmpty();
              List<V1LocalObjectReference> references =
                  new CoreV1Api(cluster.admin())
                      .readNamespacedServiceAccount("default", byLabel)
                      .execute()
                      .getImagePullSecrets();
              assertThat(references == null ? List.<V1LocalObjectReference>of() : references)
                  .extracting(V1LocalObjectReference::getName)
                  .doesNotContain("pull-secret");
            });
  }
}
