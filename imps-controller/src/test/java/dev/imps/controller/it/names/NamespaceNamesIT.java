package dev.imps.controller.it.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import io.kubernetes.client.openapi.models.V1Secret;
import org.junit.jupiter.api.Test;

/** IMPS README, "provision secrets in selected namespaces": namespaces chosen by name. */
class NamespaceNamesIT extends OperatorTestBase {

  @Test
  void every_named_namespace_gets_an_owned_copy_and_no_other_namespace_does() throws Exception {
    String sources = sourceNamespace("puller");
    String first = cluster.namespace("backyards-system");
    String second = cluster.namespace("istio-system");
    String other = cluster.namespace("unrelated");
    String name = TestCluster.uniqueName("imps-names");

    cluster.apply(
        Manifests.imagePullSecret(
            name,
            sources,
            SOURCE,
            """
                namespaces:
                  names: [%s, %s]
                secret:
                  name: istio-pull-secret
                  labels:
                    team: platform
                  annotations:
                    example.com/owner: platform-team
            """
                .formatted(first, second)));

    soon("copies in both named namespaces")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(first, "istio-pull-secret")).isPresent();
              assertThat(cluster.secret(second, "istio-pull-secret")).isPresent();
            });
    ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
    String uid = cr.getMetadata().getUid();
    for (String namespace : new String[] {first, second}) {
      V1Secret copy = cluster.secret(namespace, "istio-pull-secret").orElseThrow();
      assertThat(copy.getType()).isEqualTo(TestCluster.DOCKER_CONFIG_JSON);
      assertThat(copy.getMetadata().getLabels())
          .containsEntry(ApiConstants.OWNER_UID_LABEL, uid)
          .containsEntry("team", "platform");
      assertThat(copy.getMetadata().getAnnotations())
          .containsEntry("example.com/owner", "platform-team");
      assertThat(copy.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(
              reference -> {
                assertThat(reference.getKind()).isEqualTo(ApiConstants.KIND);
                assertThat(reference.getName()).isEqualTo(name);
                assertThat(reference.getUid()).isEqualTo(uid);
              });
      assertThat(cluster.dockerConfigOf(namespace, "istio-pull-secret").orElseThrow())
          .contains(REGISTRY)
          .contains("puller");
    }
    assertThat(cluster.secret(other, "istio-pull-secret")).isEmpty();
    soon("Ready, listing both namespaces, for the current generation")
        .untilAsserted(
            () -> {
              ImagePullSecret reported = cluster.imagePullSecret(name).orElseThrow();
              assertThat(reported.getStatus()).isNotNull();
              assertThat(reported.getStatus().getStatus()).isEqualTo(ReconciliationStatus.READY);
              assertThat(reported.getStatus().getManagedNamespaces())
                  .containsExactlyInAnyOrder(first, second);
              assertThat(reported.getStatus().getObservedGeneration())
                  .isEqualTo(reported.getMetadata().getGeneration());
            });
  }
}
