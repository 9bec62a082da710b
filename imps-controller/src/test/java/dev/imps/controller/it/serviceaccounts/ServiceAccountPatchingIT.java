package dev.imps.controller.it.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Opt-in ServiceAccount patching: the named ServiceAccounts of selected namespaces get the secret
 * in {@code imagePullSecrets}; imps removes only what it added, on deselection and on deletion.
 */
class ServiceAccountPatchingIT extends OperatorTestBase {

  @Test
  void named_service_accounts_get_the_secret_and_lose_only_what_imps_added() throws Exception {
    String sources = sourceNamespace("service-accounts");
    String first = cluster.namespace("sa-a");
    String second = cluster.namespace("sa-b");
    CoreV1Api core = new CoreV1Api(cluster.admin());
    for (String namespace : List.of(first, second)) {
      core.createNamespacedServiceAccount(
              namespace,
              new V1ServiceAccount()
                  .metadata(new V1ObjectMeta().name("builder"))
                  .imagePullSecrets(List.of(new V1LocalObjectReference().name("hand-made"))))
          .execute();
    }
    String name = TestCluster.uniqueName("imps-sa");
    String target =
        """
            secret:
              name: pull-secret
            namespaces:
              names: [%s]
            serviceAccounts:
              names: [builder]
        """;
    cluster.apply(
        Manifests.imagePullSecret(name, sources, SOURCE, target.formatted(first + ", " + second)));

    soon("both service accounts reference the copy")
        .untilAsserted(
            () -> {
              assertThat(pullSecrets(first)).containsExactlyInAnyOrder("hand-made", "pull-secret");
              assertThat(pullSecrets(second)).containsExactlyInAnyOrder("hand-made", "pull-secret");
            });

    cluster.apply(Manifests.imagePullSecret(name, sources, SOURCE, target.formatted(first)));
    soon("the deselected namespace's service account lost only imps's reference")
        .untilAsserted(() -> assertThat(pullSecrets(second)).containsExactly("hand-made"));
    assertThat(pullSecrets(first)).containsExactlyInAnyOrder("hand-made", "pull-secret");

    cluster.deleteImagePullSecret(name);
    soon("the reference goes with the CR")
        .untilAsserted(() -> assertThat(pullSecrets(first)).containsExactly("hand-made"));
  }

  private static List<String> pullSecrets(String namespace) throws Exception {
    V1ServiceAccount account =
        new CoreV1Api(cluster.admin()).readNamespacedServiceAccount("builder", namespace).execute();
    return account.getImagePullSecrets() == null
        ? List.of()
        : account.getImagePullSecrets().stream().map(V1LocalObjectReference::getName).toList();
  }
}
