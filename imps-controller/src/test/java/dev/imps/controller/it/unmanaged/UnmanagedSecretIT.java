package dev.imps.controller.it.unmanaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import io.kubernetes.client.openapi.models.V1Secret;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A secret with the target name that imps does not own is never touched, not even after the CR is
 * deleted; the CR reports the conflict (IMPS took such a secret over and later deleted it).
 */
class UnmanagedSecretIT extends OperatorTestBase {

  @Test
  void a_pre_existing_secret_is_left_alone_and_reported_as_a_conflict() throws Exception {
    String sources = sourceNamespace("unmanaged");
    String free = cluster.namespace("free");
    String occupied = cluster.namespace("occupied");
    cluster.putSecret(
        occupied, "pull-secret", "Opaque", Map.of("owner", "someone else"), Map.of("team", "x"));
    V1Secret before = cluster.secret(occupied, "pull-secret").orElseThrow();
    String name = TestCluster.uniqueName("imps-unmanaged");
    cluster.apply(
        Manifests.imagePullSecret(
            name, sources, SOURCE, Manifests.namesTarget("pull-secret", free, occupied)));

    soon("a copy where the name is free, and the conflict reported")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(free, "pull-secret")).isPresent();
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              assertThat(cr.getStatus()).as("status of %s", name).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.FAILED);
              assertThat(cr.getStatus().getConflicts())
                  .singleElement()
                  .satisfies(conflict -> assertThat(conflict.getNamespace()).isEqualTo(occupied));
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getConditions())
                  .anySatisfy(
                      c ->
                          assertThat(c.getReason()).isEqualTo(ApiConstants.REASON_SECRET_CONFLICT));
            });
    soon("a warning event about the conflict")
        .untilAsserted(
            () ->
                assertThat(cluster.eventsAbout(name))
                    .anySatisfy(
                        event -> {
                          assertThat(event.getType()).isEqualTo("Warning");
                          assertThat(event.getReason())
                              .isEqualTo(ApiConstants.REASON_SECRET_CONFLICT);
                        }));
    assertUntouched(occupied, before);

    cluster.deleteImagePullSecret(name);
    soon("the copy goes with the CR")
        .untilAsserted(() -> assertThat(cluster.secret(free, "pull-secret")).isEmpty());
    throughout("the unmanaged secret stays untouched", Duration.ofSeconds(2))
        .untilAsserted(() -> assertUntouched(occupied, before));
  }

  private static void assertUntouched(String namespace, V1Secret before) throws Exception {
    V1Secret now = cluster.secret(namespace, "pull-secret").orElseThrow();
    assertThat(now.getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
    assertThat(now.getType()).isEqualTo("Opaque");
    assertThat(now.getMetadata().getLabels()).doesNotContainKey(ApiConstants.OWNER_UID_LABEL);
  }
}
