package dev.imps.controller.it.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.RunningOperator;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import dev.imps.testsupport.moto.MotoServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ECR secret exactly as banzaicloud IMPS's README showed it, without {@code type:} (so {@code
 * Opaque}): imps reads it as an ECR login config, gets a token from moto, and notes in the source's
 * status that the type should be set.
 */
@EnableKubeControlPlane
class OpaqueEcrSecretIT {

  static final String REGISTRY = MotoServer.DEFAULT_ACCOUNT + ".dkr.ecr.eu-central-1.amazonaws.com";

  private static MotoServer moto;
  private static TestCluster cluster;
  private static RunningOperator operator;

  @BeforeAll
  static void start(KubeControlPlane kube) {
    moto = MotoServer.start();
    cluster = new TestCluster(kube);
    operator =
        RunningOperator.start(kube.adminClient(), settings -> settings, moto.endpoint())
            .awaitReconciling();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void an_opaque_secret_with_the_ecr_keys_is_read_as_an_ecr_source_with_a_note() throws Exception {
    String sources = cluster.namespace("ecr-opaque");
    cluster.putSecret(
        sources,
        "ecr-login",
        "Opaque",
        Map.of(
            "accessKeyID", "AKIAIMPSCONTROLLER02",
            "secretKey", "imps/Opaque+Test/Key/000000000000000000002",
            "region", "eu-central-1",
            "accountID", MotoServer.DEFAULT_ACCOUNT),
        Map.of());
    String target = cluster.namespace("ecr-opaque-target");
    String name = TestCluster.uniqueName("imps-ecr-opaque");
    cluster.apply(
        Manifests.imagePullSecret(
            name, sources, "ecr-login", Manifests.namesTarget("ecr-pull-secret", target)));

    await("a copy with the ECR login and a note on the source's type")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(cluster.dockerConfigOf(target, "ecr-pull-secret"))
                  .hasValueSatisfying(config -> assertThat(config).contains(REGISTRY));
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.READY);
              assertThat(cr.getStatus().getSourceSecretStatus().get(sources + ".ecr-login"))
                  .startsWith("ok; ")
                  .contains("set type banzaicloud.io/aws-ecr-login-config");
            });
    assertThat(cluster.rawStatus(name).toString()).doesNotContain("imps/Opaque+Test");
  }
}
