package dev.imps.controller.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.OperatorTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Two CRs want the same secret name in one namespace: the older one wins, the other reports a
 * conflict, and the copy is not written back and forth. When the winner goes, the other takes over.
 */
class TwoClaimsIT extends OperatorTestBase {

  @Test
  void the_older_cr_keeps_the_copy_and_the_newer_reports_a_conflict() throws Exception {
    String sources = sourceNamespace("claims");
    String shared = cluster.namespace("shared");
    String older = createImagePullSecret("imps-older", sources, "pull-secret", shared);
    soon("the older CR's copy")
        .untilAsserted(() -> assertThat(cluster.secret(shared, "pull-secret")).isPresent());
    // creationTimestamp has one-second resolution; make the order unambiguous.
    Instant olderCreated =
        cluster
            .imagePullSecret(older)
            .orElseThrow()
            .getMetadata()
            .getCreationTimestamp()
            .toInstant();
    soon("a second after the older CR's creationTimestamp")
        .until(() -> Instant.now().isAfter(olderCreated.plusMillis(1100)));
    String newer = createImagePullSecret("imps-newer", sources, "pull-secret", shared);
    String olderUid = cluster.imagePullSecret(older).orElseThrow().getMetadata().getUid();

    soon("the newer CR reports the conflict")
        .untilAsserted(
            () -> {
              ImagePullSecret cr = cluster.imagePullSecret(newer).orElseThrow();
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.FAILED);
              assertThat(cr.getStatus().getConflicts())
                  .singleElement()
                  .satisfies(c -> assertThat(c.getNamespace()).isEqualTo(shared));
            });
    String version =
        cluster.secret(shared, "pull-secret").orElseThrow().getMetadata().getResourceVersion();
    throughout("the older CR keeps the copy, with no flapping writes", Duration.ofSeconds(3))
        .untilAsserted(
            () ->
                assertThat(cluster.secret(shared, "pull-secret").orElseThrow().getMetadata())
                    .satisfies(
                        metadata -> {
                          assertThat(metadata.getResourceVersion()).isEqualTo(version);
                          assertThat(metadata.getLabels())
                              .containsEntry(ApiConstants.OWNER_UID_LABEL, olderUid);
                        }));
    // Copies are placed by namespace passes; the status follows within a few seconds.
    soon("the older claim Ready")
        .untilAsserted(
            () -> {
              assertThat(cluster.imagePullSecret(older).orElseThrow().getStatus()).isNotNull();
              assertThat(cluster.imagePullSecret(older).orElseThrow().getStatus().getStatus())
                  .isEqualTo(ReconciliationStatus.READY);
            });

    cluster.deleteImagePullSecret(older);
    String newerUid = cluster.imagePullSecret(newer).orElseThrow().getMetadata().getUid();
    soon("the newer CR takes over")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(shared, "pull-secret"))
                  .hasValueSatisfying(
                      secret ->
                          assertThat(secret.getMetadata().getLabels())
                              .containsEntry(ApiConstants.OWNER_UID_LABEL, newerUid));
              assertThat(cluster.status(newer).getStatus()).isEqualTo(ReconciliationStatus.READY);
            });
  }
}
