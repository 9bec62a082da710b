package dev.imps.controller.it.sourcemalformed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A source that turns malformed makes the CR Failed with a reason naming the source; the copies
 * keep the last good credentials, and nothing secret appears in status or events.
 */
class SourceMalformedIT extends OperatorTestBase {

  @Test
  void a_malformed_source_fails_the_cr_and_leaves_the_copies_as_they_were() throws Exception {
    String sources = sourceNamespace("good-user");
    String target = cluster.namespace("malformed");
    String name = createImagePullSecret("imps-malformed", sources, "pull-secret", target);
    soon("Ready with a copy")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(target, "pull-secret")).isPresent();
              assertThat(cluster.status(name).getStatus()).isEqualTo(ReconciliationStatus.READY);
            });
    String goodCopy = cluster.dockerConfigOf(target, "pull-secret").orElseThrow();

    cluster.putSecret(
        sources,
        SOURCE,
        TestCluster.DOCKER_CONFIG_JSON,
        Map.of(TestCluster.DOCKER_CONFIG_KEY, "{\"auths\": \"not-a-map-s3cr3t-fragment\"}"),
        Map.of());

    soon("Failed, naming the source")
        .untilAsserted(
            () -> {
              ImagePullSecretStatus status = cluster.status(name);
              assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.FAILED);
              assertThat(status.getReason()).contains(sources + "." + SOURCE);
              assertThat(status.getSourceSecretStatus())
                  .containsKey(sources + "." + SOURCE)
                  .doesNotContainEntry(sources + "." + SOURCE, ApiConstants.SOURCE_SECRET_OK);
              assertThat(status.getConditions())
                  .anySatisfy(
                      condition -> {
                        assertThat(condition.getType()).isEqualTo(ApiConstants.CONDITION_READY);
                        assertThat(condition.getStatus()).isEqualTo(ApiConstants.CONDITION_FALSE);
                        assertThat(condition.getReason())
                            .isEqualTo(ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR);
                      });
            });
    assertThat(cluster.dockerConfigOf(target, "pull-secret")).hasValue(goodCopy);
    assertThat(cluster.rawStatus(name).toString())
        .doesNotContain("s3cr3t")
        .doesNotContain("pw-good-user");
    soon("a warning event without secret data")
        .untilAsserted(
            () ->
                assertThat(
                        cluster.warningsAbout(name, ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR))
                    .anySatisfy(
                        event ->
                            assertThat(event.getMessage())
                                .doesNotContain("s3cr3t")
                                .doesNotContain("pw-good-user")));
  }
}
