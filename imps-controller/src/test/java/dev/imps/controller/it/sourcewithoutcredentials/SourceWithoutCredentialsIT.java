package dev.imps.controller.it.sourcewithoutcredentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import io.kubernetes.client.openapi.models.V1Condition;
import org.junit.jupiter.api.Test;

/**
 * As in IMPS, a source of {@code {}} gives no credentials rather than failing, and an entry without
 * credentials (as {@code docker login} with a credential store writes) is skipped while the rest of
 * the source counts. Unlike IMPS, the first is not plain Ready: the condition names the source.
 */
class SourceWithoutCredentialsIT extends OperatorTestBase {

  @Test
  void a_source_without_credentials_is_ready_with_a_warning_and_its_entries_count_once_it_has_some()
      throws Exception {
    String sources = cluster.namespace("registry-access");
    cluster.dockerConfigSecret(sources, SOURCE, "{}");
    String target = cluster.namespace("no-credentials");
    String name = createImagePullSecret("imps-no-credentials", sources, "pull-secret", target);

    soon("Ready with a warning naming the source, and an empty copy")
        .untilAsserted(
            () -> {
              ImagePullSecretStatus status = cluster.status(name);
              assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.READY);
              V1Condition ready = readyCondition(status);
              assertThat(ready.getStatus()).isEqualTo(ApiConstants.CONDITION_TRUE);
              assertThat(ready.getReason()).isEqualTo(ApiConstants.REASON_RECONCILED_WITH_WARNINGS);
              assertThat(ready.getMessage())
                  .contains("source '" + sources + "/" + SOURCE + "' gives no registry credentials")
                  .contains("the copy holds no registry");
              assertThat(cluster.dockerConfigOf(target, "pull-secret")).hasValue("{\"auths\":{}}");
            });
    soon("a warning event")
        .untilAsserted(
            () ->
                assertThat(
                        cluster.warningsAbout(name, ApiConstants.REASON_RECONCILED_WITH_WARNINGS))
                    .isNotEmpty());

    String login = TestCluster.dockerConfig(REGISTRY, "robot", "pw-robot-s3cr3t");
    cluster.dockerConfigSecret(
        sources,
        SOURCE,
        "{\"auths\":{\"https://index.docker.io/v1/\":{},"
            + login.substring("{\"auths\":{".length(), login.length() - 1)
            + ",\"credsStore\":\"desktop\"}");

    soon("Reconciled with the usable entry, the empty one skipped with a note")
        .untilAsserted(
            () -> {
              ImagePullSecretStatus status = cluster.status(name);
              assertThat(readyCondition(status).getReason())
                  .isEqualTo(ApiConstants.REASON_RECONCILED);
              assertThat(status.getSourceSecretStatus().get(sources + "." + SOURCE))
                  .startsWith("ok; ")
                  .contains("registry 'https://index.docker.io/v1/' has no credentials")
                  .contains("is skipped");
              assertThat(cluster.dockerConfigOf(target, "pull-secret").orElseThrow())
                  .contains("\"" + REGISTRY + "\"")
                  .doesNotContain("index.docker.io");
            });
    assertThat(cluster.rawStatus(name).toString()).doesNotContain("s3cr3t");
  }

  private static V1Condition readyCondition(ImagePullSecretStatus status) {
    return status.getConditions().stream()
        .filter(c -> ApiConstants.CONDITION_READY.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
