package dev.imps.controller.it.unmanaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.OperatorTestBase;
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
    String name = createImagePullSecret("imps-unmanaged", sources, "pull-secret", free, occupied);

    soon("a copy where the name is free, and the conflict reported")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(free, "pull-secret")).isPresent();
              ImagePullSecretStatus status = cluster.status(name);
              assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.FAILED);
              assertThat(status.getConflicts())
                  .singleElement()
                  .satisfies(conflict -> assertThat(conflict.getNamespace()).isEqualTo(occupied));
              assertThat(status.getConditions())
                  .anySatisfy(
                      c ->
                          assertThat(c.getReason()).isEqualTo(ApiConstants.REASON_SECRET_CONFLICT));
            });
    soon("a warning event about the conflict")
        .untilAsserted(
            () ->
                assertThat(cluster.warningsAbout(name, ApiConstants.REASON_SECRET_CONFLICT))
                    .isNotEmpty());
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
