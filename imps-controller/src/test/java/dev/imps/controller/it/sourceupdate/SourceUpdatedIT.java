package dev.imps.controller.it.sourceupdate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import org.junit.jupiter.api.Test;

/** A changed source secret reaches every copy within seconds, not at the next resync. */
class SourceUpdatedIT extends OperatorTestBase {

  @Test
  void every_copy_follows_a_changed_source_within_seconds() throws Exception {
    String sources = sourceNamespace("before");
    String first = cluster.namespace("update-a");
    String second = cluster.namespace("update-b");
    String name =
        createImagePullSecret("imps-source-update", sources, "pull-secret", first, second);
    soon("copies with the first login")
        .untilAsserted(
            () -> {
              assertThat(cluster.dockerConfigOf(first, "pull-secret"))
                  .hasValueSatisfying(config -> assertThat(config).contains("\"before\""));
              assertThat(cluster.dockerConfigOf(second, "pull-secret"))
                  .hasValueSatisfying(config -> assertThat(config).contains("\"before\""));
            });

    cluster.dockerConfigSecret(
        sources, SOURCE, TestCluster.dockerConfig(REGISTRY, "after", "rotated"));

    soon("copies with the rotated login")
        .untilAsserted(
            () -> {
              for (String namespace : new String[] {first, second}) {
                assertThat(cluster.dockerConfigOf(namespace, "pull-secret"))
                    .hasValueSatisfying(
                        config ->
                            assertThat(config).contains("\"after\"").doesNotContain("\"before\""));
              }
            });
  }
}
