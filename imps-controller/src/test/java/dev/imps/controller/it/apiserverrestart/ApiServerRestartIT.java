package dev.imps.controller.it.apiserverrestart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * kube-apiserver restarted under a running operator: its watches come back and it keeps converging,
 * without a restart of its own.
 */
class ApiServerRestartIT extends OperatorTestBase {

  @Test
  void after_a_kube_apiserver_restart_changes_are_still_followed() throws Exception {
    String sources = sourceNamespace("before-restart");
    String selected = cluster.namespace("apiserver-a", Map.of("restart-test", "yes"), Map.of());
    String later = cluster.namespace("apiserver-b");
    String name = TestCluster.uniqueName("imps-apiserver");
    cluster.apply(
        Manifests.imagePullSecret(
            name,
            sources,
            SOURCE,
            """
                secret:
                  name: pull-secret
                namespaces:
                  labels:
                    - matchLabels:
                        restart-test: "yes"
            """));
    soon("copy before the restart")
        .untilAsserted(() -> assertThat(cluster.secret(selected, "pull-secret")).isPresent());

    cluster.kube().restartApiServer();

    cluster.labelNamespace(later, Map.of("restart-test", "yes"));
    cluster.dockerConfigSecret(
        sources, SOURCE, TestCluster.dockerConfig(REGISTRY, "after-restart", "new"));
    Awaitility.await("new namespace and new credentials followed after the restart")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(cluster.dockerConfigOf(later, "pull-secret"))
                  .hasValueSatisfying(c -> assertThat(c).contains("after-restart"));
              assertThat(cluster.dockerConfigOf(selected, "pull-secret"))
                  .hasValueSatisfying(c -> assertThat(c).contains("after-restart"));
            });
  }
}
