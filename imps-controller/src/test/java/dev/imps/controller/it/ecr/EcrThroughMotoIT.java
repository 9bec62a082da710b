package dev.imps.controller.it.ecr;

import static dev.imps.controller.it.ecr.OperatorWithMoto.COPY;
import static dev.imps.controller.it.ecr.OperatorWithMoto.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.ecr.OperatorWithMoto.EcrCopy;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.envtest.EnableKubeControlPlane;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  static final String ACCESS_KEY_ID = "AKIAIMPSCONTROLLER01";
  static final String SECRET_KEY = "imps/Controller+Test/Key/00000000000000001";

  @RegisterExtension
  static final OperatorWithMoto ECR = OperatorWithMoto.withTokensValidFor(VALIDITY);

  @Test
  void an_ecr_token_reaches_the_copies_and_is_refreshed_before_it_expires() throws Exception {
    TestCluster cluster = ECR.cluster();

    EcrCopy copy =
        ECR.copyEcrSource("ecr", "banzaicloud.io/aws-ecr-login-config", ACCESS_KEY_ID, SECRET_KEY);
    String name = copy.name();
    long firstToken = System.nanoTime();
    int callsBefore = ECR.moto().calls("GetAuthorizationToken");
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
            ECR.operator()
                .metric(
                    "imps_credentials_expiry_timestamp_seconds",
                    new String[] {"imagepullsecret"},
                    new String[] {name}))
        .isBetween(now, now + VALIDITY.toSeconds() + 1.0);
    assertThat(
            ECR.operator()
                .metric(
                    "imps_ecr_token_fetches_total",
                    new String[] {"result"},
                    new String[] {"success"}))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(cluster.rawStatus(name).toString()).doesNotContain("imps/Controller+Test");

    await("a new token fetched before the first one expires")
        .atMost(VALIDITY)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(ECR.moto().calls("GetAuthorizationToken")).isGreaterThan(callsBefore);
              assertThat(cluster.status(name).getLastSuccessfulReconciliation())
                  .isAfter(firstSuccess);
            });
    Duration refreshedAfter = Duration.ofNanos(System.nanoTime() - firstToken);
    System.out.printf(
        "ECR: token valid %d s refreshed after %d ms%n",
        VALIDITY.toSeconds(), refreshedAfter.toMillis());
    assertThat(refreshedAfter).isLessThan(VALIDITY);
    assertThat(cluster.dockerConfigOf(copy.target(), COPY))
        .hasValueSatisfying(config -> assertThat(config).contains(REGISTRY));
  }
}
