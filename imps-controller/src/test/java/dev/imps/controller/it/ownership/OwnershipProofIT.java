package dev.imps.controller.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    // A user secret with the target name and a stale owner uid.
    Lookalike namesake =
        Lookalike.put(
            cluster.namespace("namesake"),
            "pull-secret",
            TestCluster.DOCKER_CONFIG_JSON,
            Map.of(
                TestCluster.DOCKER_CONFIG_KEY,
                "{\"auths\":{\"mine.example\":{\"auth\":\"eDp5\"}}}"),
            "a-stale-uid");
    String clones = cluster.namespace("clones");
    String name =
        createImagePullSecret(
            "imps-ownership", sources, "pull-secret", served, namesake.namespace());
    String uid = cluster.imagePullSecret(name).orElseThrow().getMetadata().getUid();
    soon("the copy where the name is free, and the namesake reported as a conflict")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(served, "pull-secret")).isPresent();
              assertThat(cluster.status(name).getConflicts())
                  .singleElement()
                  .satisfies(
                      c -> {
                        assertThat(c.getNamespace()).isEqualTo(namesake.namespace());
                        assertThat(c.getReason()).contains("not an imps copy");
                      });
            });
    // A clone of the copy (Opaque, the label copied) and a restored backup of it (right type and
    // label, no owner reference), plus a clone whose owner label names a deleted object.
    List<Lookalike> lookalikes =
        List.of(
            namesake,
            Lookalike.put(clones, "opaque-clone", "Opaque", Map.of("note", "clone"), uid),
            Lookalike.put(
                clones,
                "restored-backup",
                TestCluster.DOCKER_CONFIG_JSON,
                Map.of(TestCluster.DOCKER_CONFIG_KEY, "{\"auths\":{}}"),
                uid),
            Lookalike.put(
                clones,
                "orphan-clone",
                "Opaque",
                Map.of("note", "clone"),
                "uid-of-a-deleted-object"));

    // A pass of the object (spec edited), and a sweep (another object deleted).
    applyImagePullSecret(name, sources, "pull-secret", served, namesake.namespace(), clones);
    String other = createImagePullSecret("imps-swept", sources, "other-secret", served);
    soon("the other object's copy")
        .untilAsserted(() -> assertThat(cluster.secret(served, "other-secret")).isPresent());
    cluster.deleteImagePullSecret(other);
    soon("the sweep removes the other object's copy")
        .untilAsserted(() -> assertThat(cluster.secret(served, "other-secret")).isEmpty());
    soon("the pass put the copy in the newly selected namespace")
        .untilAsserted(() -> assertThat(cluster.secret(clones, "pull-secret")).isPresent());

    throughout("secrets imps does not own stay untouched", Duration.ofSeconds(5))
        .untilAsserted(() -> assertUnchanged(lookalikes));

    cluster.deleteImagePullSecret(name);
    soon("the real copies go with the object")
        .untilAsserted(() -> assertThat(cluster.secret(served, "pull-secret")).isEmpty());
    throughout("and the lookalikes stay", Duration.ofSeconds(3))
        .untilAsserted(() -> assertUnchanged(lookalikes));
  }

  /** A secret imps does not own but whose owner label says so, as it was created. */
  private record Lookalike(String namespace, String name, V1Secret before) {

    /** Creates the secret, labelled with the given owner uid, and remembers it. */
    static Lookalike put(
        String namespace, String name, String type, Map<String, String> data, String ownerUid)
        throws ApiException {
      cluster.putSecret(
          namespace, name, type, data, Map.of(ApiConstants.OWNER_UID_LABEL, ownerUid));
      return new Lookalike(namespace, name, cluster.secret(namespace, name).orElseThrow());
    }
  }

  private static void assertUnchanged(List<Lookalike> lookalikes) throws Exception {
    for (Lookalike lookalike : lookalikes) {
      V1Secret now = cluster.secret(lookalike.namespace(), lookalike.name()).orElseThrow();
      assertThat(now.getMetadata().getUid())
          .as("uid of %s/%s", lookalike.namespace(), lookalike.name())
          .isEqualTo(lookalike.before().getMetadata().getUid());
      assertThat(now.getMetadata().getResourceVersion())
          .as("resourceVersion of %s/%s", lookalike.namespace(), lookalike.name())
          .isEqualTo(lookalike.before().getMetadata().getResourceVersion());
    }
  }
}
