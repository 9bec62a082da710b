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
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An ECR source end to end: the operator gets a token from moto (AWS on 127.0.0.1), writes it into
 * the copies, and gets a new one before the old expires (requeue at half the remaining validity),
 * without waiting for the 300 s periodic reconcile.
 */
@EnableKubeControlPlane
class EcrThroughMotoIT {

  /** Short, but more than the minute the token cache needs to trust an expiry. */
  static final Duration VALIDITY = Duration.ofSeconds(64);

  static final Duration FETCH_SLACK = Duration.ofSeconds(10);

  static final String ACCOUNT = MotoServer.DEFAULT_ACCOUNT;
  static final String REGISTRY = ACCOUNT + ".dkr.ecr.eu-central-1.amazonaws.com";

  private static MotoServer moto;
  private static TestCluster cluster;
  private static RunningOperator operator;

  @BeforeAll
  static void start(KubeControlPlane kube) {
    moto = MotoServer.start(VALIDITY);
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
  void an_ecr_token_reaches_the_copies_and_is_refreshed_before_it_expires() throws Exception {
    String sources = cluster.namespace("ecr-sources");
    cluster.putSecret(
        sources,
        "ecr-login",
        "banzaicloud.io/aws-ecr-login-config",
        Map.of(
            "accessKeyID", "AKIAIMPSCONTROLLER01",
            "secretKey", "imps/Controller+Test/Key/00000000000000001",
            "region", "eu-central-1",
            "accountID", ACCOUNT),
        Map.of());
    String target = cluster.namespace("ecr-target");
    String name = TestCluster.uniqueName("imps-ecr");
    cluster.apply(
        Manifests.imagePullSecret(
            name, sources, "ecr-login", Manifests.namesTarget("ecr-pull-secret", target)));

    await("a copy with the ECR login")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(cluster.dockerConfigOf(target, "ecr-pull-secret"))
                    .hasValueSatisfying(config -> assertThat(config).contains(REGISTRY)));
    long firstToken = System.nanoTime();
    int callsBefore = moto.calls("GetAuthorizationToken");
    // The status is written after the copies: wait for it rather than read it once.
    await("Ready")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cluster.imagePullSecret(name).orElseThrow().getStatus())
                    .isNotNull()
                    .extracting(s -> s.getStatus())
                    .isEqualTo(ReconciliationStatus.READY));
    ImagePullSecret ready = cluster.imagePullSecret(name).orElseThrow();
    // Whole seconds from lastSuccessfulReconciliation (the pass's start, truncated) to expiry: the
    // token is fetched during the pass, so a slow first call to moto on a loaded machine adds to
    // it.
    assertThat(ready.getStatus().getValiditySeconds())
        .isBetween(1, (int) VALIDITY.plus(FETCH_SLACK).toSeconds());
    OffsetDateTime firstSuccess = ready.getStatus().getLastSuccessfulReconciliation();
    double now = System.currentTimeMillis() / 1000.0;
    assertThat(
            operator.metric(
                "imps_credentials_expiry_timestamp_seconds",
                new String[] {"imagepullsecret"},
                new String[] {name}))
        .isBetween(now, now + VALIDITY.toSeconds() + 1.0);
    assertThat(
            operator.metric(
                "imps_ecr_token_fetches_total", new String[] {"result"}, new String[] {"success"}))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(cluster.rawStatus(name).toString()).doesNotContain("imps/Controller+Test");

    await("a new token fetched before the first one expires")
        .atMost(VALIDITY)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(moto.calls("GetAuthorizationToken")).isGreaterThan(callsBefore);
              assertThat(cluster.status(name).getLastSuccessfulReconciliation())
                  .isAfter(firstSuccess);
            });
    Duration refreshedAfter = Duration.ofNanos(System.nanoTime() - firstToken);
    System.out.printf(
        "ECR: token valid %d s refreshed after %d ms%n",
        VALIDITY.toSeconds(), refreshedAfter.toMillis());
    assertThat(refreshedAfter).isLessThan(VALIDITY);
    assertThat(cluster.dockerConfigOf(target, "ecr-pull-secret"))
        .hasValueSatisfying(config -> assertThat(config).contains(REGISTRY));
  }
}
