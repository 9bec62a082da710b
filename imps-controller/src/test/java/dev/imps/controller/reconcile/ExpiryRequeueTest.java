package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.SOURCE_NAME;
import static dev.imps.controller.reconcile.Fixtures.SOURCE_NAMESPACE;
import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.credentials.CredentialProvider;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.SourceSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens that expire (ECR) are refreshed before they do: the pass requeues at half their life. */
class ExpiryRequeueTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final String TYPE = "test.imps.dev/expiring-token";

  /** A provider like ECR's: one token per call, valid until a settable instant. */
  private static final class ExpiringProvider implements CredentialProvider {
    final AtomicReference<Instant> expiry = new AtomicReference<>();
    final AtomicReference<String> token = new AtomicReference<>("token-1");

    @Override
    public Set<String> secretTypes() {
      return Set.of(TYPE);
    }

    @Override
    public ProvidedCredentials provide(SourceSecret secret)
        throws dev.imps.credentials.CredentialException {
      return ProvidedCredentials.of(
          List.of(
              RegistryCredential.builder("123.dkr.ecr.eu-west-1.amazonaws.com")
                  .username("AWS")
                  .password(token.get())
                  .expiresAt(expiry.get())
                  .build()));
    }
  }

  private final ExpiringProvider provider = new ExpiringProvider();
  private final FakeCluster cluster = new FakeCluster();

  private Reconciler reconciler(Instant now) {
    return Reconciler.builder()
        .clusterState(cluster)
        .clusterActions(cluster)
        .credentialProviders(CredentialProviders.of(provider))
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  private void arrange() {
    cluster.withNamespace("a");
    cluster.put(
        SecretSnapshot.builder(SOURCE_NAMESPACE, SOURCE_NAME)
            .type(TYPE)
            .data(Map.of("region", Fixtures.utf8("eu-west-1")))
            .build());
    cluster.put(crForNames("ecr", "uid-ecr", T0, "a"));
  }

  static Stream<Arguments> theNextPassComesAtHalfTheRemainingValidityOrThePeriodIfSooner() {
    return Stream.of(
        Arguments.of("a 12 hour token", Duration.ofHours(12), Duration.ofSeconds(300)),
        Arguments.of("a 6 minute token", Duration.ofMinutes(6), Duration.ofMinutes(3)),
        Arguments.of("a token about to expire", Duration.ofSeconds(4), Duration.ofSeconds(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void theNextPassComesAtHalfTheRemainingValidityOrThePeriodIfSooner(
      String description, Duration validity, Duration requeue) {
    arrange();
    provider.expiry.set(NOW.plus(validity));

    ReconcileResult result = reconciler(NOW).reconcile("ecr");

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.READY);
    assertThat(result.requeueAfter()).isEqualTo(requeue);
    assertThat(result.earliestExpiry()).contains(NOW.plus(validity));
    assertThat(cluster.status("ecr").getValiditySeconds()).isEqualTo((int) validity.getSeconds());
  }

  @Test
  void aRefreshedTokenReachesTheCopiesAndMovesTheValidity() {
    arrange();
    provider.expiry.set(NOW.plus(Duration.ofHours(12)));
    reconciler(NOW).reconcile("ecr");
    byte[] first =
        cluster.secret("a", Fixtures.TARGET).orElseThrow().data().get(".dockerconfigjson");
    Instant later = NOW.plus(Duration.ofHours(6));
    provider.token.set("token-2");
    provider.expiry.set(later.plus(Duration.ofHours(12)));
    cluster.takeWrites();

    reconciler(later).reconcile("ecr");

    byte[] second =
        cluster.secret("a", Fixtures.TARGET).orElseThrow().data().get(".dockerconfigjson");
    assertThat(second).isNotEqualTo(first);
    assertThat(cluster.writes()).containsExactly("patch a/pull-secret", "status ecr");
    assertThat(cluster.status("ecr").getLastSuccessfulReconciliation().toInstant())
        .isEqualTo(later);
    assertThat(cluster.status("ecr").getValiditySeconds()).isEqualTo(12 * 3600);
  }
}
