package dev.imps.controller.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import io.kubernetes.client.openapi.models.V1Secret;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A copied owner label proves nothing: an Opaque clone of a copy, a restored backup without owner
 * references, and a user secret with the target name and a stale owner uid survive every pass and
 * sweep unchanged (IMPS-style label checks deleted or replaced them).
 */
class OwnershipProofIT extends OperatorTestBase {

  @Test
  void secrets_that_only_carry_the_owner_label_survive_every_pass_and_sweep() throws Exception {
    String sources = sourceNamespace("ownership");
    String served = cluster.namespace("owned");
    String namesake = cluster.namespace("namesake");
    String clones = cluster.namespace("clones");
    cluster.putSecret(
        namesake,
        "pull-secret",
        TestCluster.DOCKER_CONFIG_JSON,
        Map.of(TestCluster.DOCKER_CONFIG_KEY, "{\"auths\":{\"mine.example\":{\"auth\":\"eDp5\"}}}"),
        Map.of(ApiConstants.OWNER_UID_LABEL, "a-stale-uid"));
    String name = TestCluster.uniqueName("imps-ownership");
    cluster.apply(
        Manifests.imagePullSecret(
            name, sources, SOURCE, Manifests.namesTarget("pull-secret", served, namesake)));
    String uid = cluster.imagePullSecret(name).orElseThrow().getMetadata().getUid();
    soon("the copy where the name is free, and the namesake reported as a conflict")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(served, "pull-secret")).isPresent();
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              assertThat(cr.getStatus()).as("status of %s", name).isNotNull();
              assertThat(cr.getStatus().getConflicts())
                  .singleElement()
                  .satisfies(
                      c -> {
                        assertThat(c.getNamespace()).isEqualTo(namesake);
                        assertThat(c.getReason()).contains("not an imps copy");
                      });
            });
    // A clone of the copy (Opaque, the label copied) and a restored backup of it (right type and
    // label, no owner reference), plus a clone whose owner label names a deleted object.
    cluster.putSecret(
        clones,
        "opaque-clone",
        "Opaque",
        Map.of("note", "clone"),
        Map.of(ApiConstants.OWNER_UID_LABEL, uid));
    cluster.putSecret(
        clones,
        "restored-backup",
        TestCluster.DOCKER_CONFIG_JSON,
        Map.of(TestCluster.DOCKER_CONFIG_KEY, "{\"auths\":{}}"),
        Map.of(ApiConstants.OWNER_UID_LABEL, uid));
    cluster.putSecret(
        clones,
        "orphan-clone",
        "Opaque",
        Map.of("note", "clone"),
        Map.of(ApiConstants.OWNER_UID_LABEL, "uid-of-a-deleted-object"));
    Map<String, V1Secret> before =
        Map.of(
            "namesake", cluster.secret(namesake, "pull-secret").orElseThrow(),
            "opaque-clone", cluster.secret(clones, "opaque-clone").orElseThrow(),
            "restored-backup", cluster.secret(clones, "restored-backup").orElseThrow(),
            "orphan-clone", cluster.secret(clones, "orphan-clone").orElseThrow());

    // A pass of the object (spec edited), and a sweep (another object deleted).
    cluster.apply(
        Manifests.imagePullSecret(
            name, sources, SOURCE, Manifests.namesTarget("pull-secret", served, namesake, clones)));
    String other = TestCluster.uniqueName("imps-swept");
    cluster.apply(
        Manifests.imagePullSecret(
            other, sources, SOURCE, Manifests.namesTarget("other-secret", served)));
    soon("the other object's copy")
        .untilAsserted(() -> assertThat(cluster.secret(served, "other-secret")).isPresent());
    cluster.deleteImagePullSecret(other);
    soon("the sweep removes the other object's copy")
        .untilAsserted(() -> assertThat(cluster.secret(served, "other-secret")).isEmpty());
    soon("the pass put the copy in the newly selected namespace")
        .untilAsserted(() -> assertThat(cluster.secret(clones, "pull-secret")).isPresent());

    Awaitility.await("secrets imps does not own stay untouched")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertUnchanged(before.get("namesake"), namesake, "pull-secret");
              assertUnchanged(before.get("opaque-clone"), clones, "opaque-clone");
              assertUnchanged(before.get("restored-backup"), clones, "restored-backup");
              assertUnchanged(before.get("orphan-clone"), clones, "orphan-clone");
            });

    cluster.deleteImagePullSecret(name);
    soon("the real copies go with the object")
        .untilAsserted(() -> assertThat(cluster.secret(served, "pull-secret")).isEmpty());
    Awaitility.await("and the lookalikes stay")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertUnchanged(before.get("namesake"), namesake, "pull-secret");
              assertUnchanged(before.get("opaque-clone"), clones, "opaque-clone");
              assertUnchanged(before.get("restored-backup"), clones, "restored-backup");
            });
  }

  private static void assertUnchanged(V1Secret before, String namespace, String name)
      throws Exception {
    V1Secret now = cluster.secret(namespace, name).orElseThrow();
    assertThat(now.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
    assertThat(now.getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
  }
}
