package dev.imps.controller.it.terminating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.OperatorTestBase;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A terminating namespace is skipped: no error, no write, no requeue loop. (The test control plane
 * has no namespace controller, so a deleted namespace stays Terminating.)
 */
class TerminatingNamespaceIT extends OperatorTestBase {

  @Test
  void a_terminating_namespace_is_skipped_without_errors_or_a_requeue_loop() throws Exception {
    String sources = sourceNamespace("terminating");
    String live = cluster.namespace("live");
    String dying = cluster.namespace("dying");
    cluster.deleteNamespace(dying);
    soon("the namespace is Terminating")
        .untilAsserted(
            () ->
                assertThat(
                        new CoreV1Api(cluster.admin())
                            .readNamespace(dying)
                            .execute()
                            .getStatus()
                            .getPhase())
                    .isEqualTo("Terminating"));

    String name = createImagePullSecret("imps-terminating", sources, "pull-secret", live, dying);

    soon("Ready with the live namespace only")
        .untilAsserted(
            () -> {
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.READY);
              assertThat(cr.getStatus().getManagedNamespaces()).containsExactly(live);
            });
    assertThat(cluster.secret(dying, "pull-secret")).isEmpty();
    assertThat(cluster.eventsAbout(name)).noneMatch(event -> "Warning".equals(event.getType()));
    double settled = reconciles(name);
    throughout("at most one more reconcile in 5 quiet seconds", Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(reconciles(name)).isLessThanOrEqualTo(settled + 1));
  }

  private static double reconciles(String name) {
    Double value =
        operator.metric(
            "imps_reconcile_total", new String[] {"imagepullsecret"}, new String[] {name});
    return value == null ? 0 : value;
  }
}
