package dev.imps.controller.it.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code namespacesWithPods}: a matching pod selects its namespace; its deletion deselects it. */
class PodSelectsNamespaceIT extends OperatorTestBase {

  @Test
  void a_matching_pod_brings_the_copy_and_its_deletion_takes_it_away() throws Exception {
    String sources = sourceNamespace("pods");
    String namespace = cluster.namespace("workloads");
    String name = TestCluster.uniqueName("imps-pods");
    cluster.apply(
        Manifests.imagePullSecret(
            name,
            sources,
            SOURCE,
            """
                secret:
                  name: pod-pull-secret
                namespacesWithPods:
                  labels:
                    - matchLabels:
                        app: needs-registry
                  annotations:
                    - matchAnnotations:
                        sidecar.istio.io/inject: "true"
            """));
    cluster.pod(namespace, "unrelated", Map.of("app", "other"), Map.of());
    soon("the CR reconciled")
        .untilAsserted(() -> assertThat(cluster.rawStatus(name).has("status")).isTrue());
    assertThat(cluster.secret(namespace, "pod-pull-secret")).isEmpty();

    cluster.pod(namespace, "web", Map.of("app", "needs-registry"), Map.of());
    soon("copy after a matching pod was created")
        .untilAsserted(() -> assertThat(cluster.secret(namespace, "pod-pull-secret")).isPresent());

    cluster.deletePod(namespace, "web");
    soon("copy removed after the pod was deleted")
        .untilAsserted(() -> assertThat(cluster.secret(namespace, "pod-pull-secret")).isEmpty());

    cluster.pod(namespace, "sidecar", Map.of(), Map.of("sidecar.istio.io/inject", "true"));
    soon("copy after a pod with a matching annotation was created")
        .untilAsserted(() -> assertThat(cluster.secret(namespace, "pod-pull-secret")).isPresent());
  }
}
