package dev.imps.controller.it.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.OperatorTestBase;
import org.junit.jupiter.api.Test;

/**
 * Deleting the CR removes its copies. The test control plane has no garbage collector, so this is
 * the operator's own sweep by owner label, not ownerReference GC.
 */
class CrDeletedIT extends OperatorTestBase {

  @Test
  void deleting_the_image_pull_secret_removes_every_copy() throws Exception {
    String sources = sourceNamespace("deletion");
    String first = cluster.namespace("deletion-a");
    String second = cluster.namespace("deletion-b");
    String name = createImagePullSecret("imps-deleted", sources, "pull-secret", first, second);
    soon("copies created")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(first, "pull-secret")).isPresent();
              assertThat(cluster.secret(second, "pull-secret")).isPresent();
            });

    cluster.deleteImagePullSecret(name);

    soon("copies removed")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(first, "pull-secret")).isEmpty();
              assertThat(cluster.secret(second, "pull-secret")).isEmpty();
            });
    assertThat(cluster.secret(sources, SOURCE)).as("the source is not a copy").isPresent();
  }
}
