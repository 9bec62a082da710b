package dev.imps.credentials.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.testing.Secrets;
import dev.imps.testsupport.moto.MotoServer;
import dev.imps.testsupport.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain moto answers expiresAt = 2015-01-01: the past must not cause a refresh loop. */
class EcrUnpatchedExpiryIT {

  @Test
  void aTokenExpiringInThePastGetsTheDefaultValidityAndIsRefreshedAtItsHalf() {
    try (MotoServer moto = MotoServer.startUnpatched();
        AwsClients clients = EcrCredentialProviderIT.motoClients(moto.endpoint())) {
      MovableClock clock = MovableClock.atRealNow();
      Instant start = clock.instant();
      PullSecretRenderer renderer =
          PullSecretRenderer.create(
              CredentialProviders.of(
                  EcrCredentialProvider.create(EcrTokenCache.create(clock), clients)),
              clock);
      List<SourceInput> sources =
          List.of(
              SourceInput.present(
                  Secrets.ecr(
                      "a/ecr", "region", "eu-west-1", "accessKeyID", "AKIA0", "secretKey", "s")));

      MergedConfig first = renderer.render(sources);
      for (int i = 0; i < 10; i++) {
        renderer.render(sources);
      }
      clock.advance(Duration.ofMinutes(29));
      renderer.render(sources);
      int callsBeforeHalf = moto.calls("GetAuthorizationToken");
      clock.advance(Duration.ofMinutes(2));
      renderer.render(sources);

      assertThat(first.allOk()).as(first.toString()).isTrue();
      assertThat(first.earliestExpiry()).contains(start.plus(Duration.ofMinutes(60)));
      assertThat(callsBeforeHalf).isEqualTo(1);
      assertThat(moto.calls("GetAuthorizationToken")).isEqualTo(2);
    }
  }
}
