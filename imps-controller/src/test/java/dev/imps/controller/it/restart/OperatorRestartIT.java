package dev.imps.controller.it.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorProcessTestBase;
import dev.imps.controller.it.support.SourceSecret;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.testsupport.process.LoggedProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator killed with SIGKILL in the middle of a reconciliation, then started again, converges
 * with nothing lost; copies of a CR deleted while it was down are swept at start-up.
 */
class OperatorRestartIT extends OperatorProcessTestBase {

  static final int NAMESPACES = 30;

  @Test
  void killed_mid_reconcile_and_restarted_it_converges_and_sweeps_what_was_deleted_meanwhile()
      throws Exception {
    SourceSecret source = cluster.dockerLoginSource("restart-sources", "docker-login");
    String selector = TestCluster.uniqueName("restart");
    List<String> namespaces =
        cluster.labelledNamespaces("restart", NAMESPACES, "restart", selector);
    String doomedNamespace = cluster.namespace("restart-doomed");
    String doomed = TestCluster.uniqueName("imps-doomed");
    cluster.apply(
        Manifests.imagePullSecret(
            doomed, source, Manifests.namesTarget("doomed-secret", doomedNamespace)));
    String name = TestCluster.uniqueName("imps-restart");
    // Slow writes (2 per second) so that the kill lands in the middle of the reconciliation.
    String[] flags = {"--qps=2", "--burst=1"};
    LoggedProcess operator = processes.start("imps-restart", kube.kubeconfigFile(), flags);
    await("the doomed CR's copy")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(cluster.secret(doomedNamespace, "doomed-secret")).isPresent());
    cluster.apply(
        Manifests.imagePullSecret(
            name, source, Manifests.labelTarget("pull-secret", "restart", selector)));
    await("some but not all copies")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> copies(cluster, namespaces) >= 3);

    operator.kill();
    int copiesAtKill = copies(cluster, namespaces);
    assertThat(copiesAtKill).as("killed mid-reconcile").isLessThan(NAMESPACES);
    cluster.deleteImagePullSecret(doomed);

    processes.start("imps-restart", kube.kubeconfigFile());
    await("every copy after the restart, and the CR Ready")
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(copies(cluster, namespaces)).isEqualTo(NAMESPACES);
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              // The pass writes the status after the copies: it may not be there yet.
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.READY);
              assertThat(cr.getStatus().getManagedNamespaces())
                  .containsExactlyInAnyOrderElementsOf(namespaces);
            });
    await("the copy of the CR deleted while the operator was down is swept")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(cluster.secret(doomedNamespace, "doomed-secret")).isEmpty());
    System.out.printf(
        "operator restart: killed with %d of %d copies written; converged after restart%n",
        copiesAtKill, NAMESPACES);
  }

  private static int copies(TestCluster cluster, List<String> namespaces) throws Exception {
    int count = 0;
    for (String namespace : namespaces) {
      if (cluster.secret(namespace, "pull-secret").isPresent()) {
        count++;
      }
    }
    return count;
  }
}
