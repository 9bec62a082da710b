package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.imps.testsupport.moto.MotoServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ECR sources in the plan of the examples, with AWS played by moto on 127.0.0.1: without {@code
 * --resolve} nothing reaches AWS even when it is reachable; with it the token is fetched once, and
 * still never printed.
 */
class PlanResolveIT {

  static final String EXAMPLES = "../examples";
  static final String ECR_SOURCE = "registry-access/ecr-pull-secret";

  /** The password in moto's ECR tokens: {@code <account>-auth-token}. */
  static final String MOTO_PASSWORD = MotoServer.DEFAULT_ACCOUNT + "-auth-token";

  static MotoServer moto;

  @BeforeAll
  static void startMoto() {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void resetCalls() {
    moto.resetCalls();
  }

  @Test
  void without_resolve_the_plan_calls_no_aws_api() {
    PlanRun run = plan();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(moto.calls()).isEmpty();
    JsonObject source =
        PlanJson.source(PlanJson.plan(run.json(), "backyards-namespaces"), ECR_SOURCE);
    assertThat(source.get("message").getAsString()).contains(UnresolvedEcrProvider.NOT_RESOLVED);
  }

  @Test
  void with_resolve_the_token_is_fetched_once_and_shown_only_redacted() {
    PlanRun run = plan("--resolve");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(moto.calls("GetAuthorizationToken")).isEqualTo(1);
    JsonObject report = run.json();
    assertThat(report.get("ecrResolved").getAsBoolean()).isTrue();
    JsonObject plan = PlanJson.plan(report, "backyards-namespaces");
    JsonObject source = PlanJson.source(plan, ECR_SOURCE);
    assertThat(source.get("state").getAsString()).isEqualTo("ok");
    assertThat(source.get("message").getAsString()).isEqualTo("ok");
    Instant expiry = Instant.parse(plan.get("earliestExpiry").getAsString());
    assertThat(expiry).isAfter(Instant.now().plus(Duration.ofHours(11)));
    JsonObject ecr =
        plan.getAsJsonObject("dockerConfig")
            .getAsJsonObject("auths")
            .getAsJsonObject(ExamplesPlanTest.ECR_HOST);
    assertThat(ecr.get("username").getAsString()).isEqualTo("AWS");
    assertThat(ecr.get("password").getAsString()).isEqualTo(RedactedDockerConfig.REDACTED);
    assertThat(ecr.get("auth").getAsString()).isEqualTo(RedactedDockerConfig.REDACTED);
    assertThat(run.everything())
        .doesNotContain(ExamplesPlanTest.SECRET_VALUES)
        .doesNotContain(MOTO_PASSWORD, base64("AWS:" + MOTO_PASSWORD));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static PlanRun plan(String... extra) {
    String endpoint = moto.endpoint().toString();
    String[] args = {
      EXAMPLES, "-o", "json", "--ecr-endpoint", endpoint, "--sts-endpoint", endpoint
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return PlanRun.of(all);
  }
}
