package dev.imps.controller.it.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.ecr.OperatorWithMoto.EcrCopy;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.envtest.EnableKubeControlPlane;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ECR secret exactly as banzaicloud IMPS's README showed it, without {@code type:} (so {@code
 * Opaque}): imps reads it as an ECR login config, gets a token from moto, and notes in the source's
 * status that the type should be set.
 */
@EnableKubeControlPlane
class OpaqueEcrSecretIT {

  static final String ACCESS_KEY_ID = "AKIAIMPSCONTROLLER02";
  static final String SECRET_KEY = "imps/Opaque+Test/Key/000000000000000000002";

  @RegisterExtension static final OperatorWithMoto ECR = OperatorWithMoto.withDefaultTokens();

  @Test
  void an_opaque_secret_with_the_ecr_keys_is_read_as_an_ecr_source_with_a_note() throws Exception {
    TestCluster cluster = ECR.cluster();

    EcrCopy copy = ECR.copyEcrSource("ecr-opaque", "Opaque", ACCESS_KEY_ID, SECRET_KEY);

    String sourceKey = copy.source().namespace() + "." + copy.source().name();
    await("Ready, with a note on the source's type")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              ImagePullSecret cr = cluster.imagePullSecret(copy.name()).orElseThrow();
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.READY);
              assertThat(cr.getStatus().getSourceSecretStatus().get(sourceKey))
                  .startsWith("ok; ")
                  .contains("set type banzaicloud.io/aws-ecr-login-config");
            });
    assertThat(cluster.rawStatus(copy.name()).toString()).doesNotContain("imps/Opaque+Test");
  }
}
