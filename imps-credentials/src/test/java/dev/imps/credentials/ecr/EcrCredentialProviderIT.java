package dev.imps.credentials.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceStatus;
import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.testing.Secrets;
import dev.imps.testsupport.moto.MotoServer;
import dev.imps.testsupport.time.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ECR provider against moto, whose GetAuthorizationToken answers now + 12 h. */
class EcrCredentialProviderIT {

  private static final String KEY_ID = "AKIAIMPSTESTKEY00001";
  private static final String SECRET_KEY = "imps/Test+Secret/Key/0000000000000000001";
  private static final String ACCOUNT = MotoServer.DEFAULT_ACCOUNT;

  private static MotoServer moto;

  private MovableClock clock;
  private AwsClients clients;
  private EcrTokenCache cache;
  private EcrCredentialProvider provider;

  @BeforeAll
  static void startMoto() {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stopMoto() {
    moto.close();
  }

  @BeforeEach
  void setUp() {
    moto.reset();
    clock = MovableClock.atRealNow();
    clients = motoClients(moto.endpoint());
    cache = EcrTokenCache.create(clock);
    provider = EcrCredentialProvider.create(cache, clients);
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  static AwsClients motoClients(URI endpoint) {
    return AwsClients.builder()
        .ecrEndpoint(endpoint)
        .stsEndpoint(endpoint)
        .callTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static SourceInput ecr(String name, String... extra) {
    String[] base = {"accessKeyID", KEY_ID, "secretKey", SECRET_KEY};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return SourceInput.present(Secrets.ecr(name, all));
  }

  private RegistryCredential provideOne(SourceInput input) throws CredentialException {
    ProvidedCredentials provided = provider.provide(input.secret().orElseThrow());
    assertThat(provided.credentials()).hasSize(1);
    return provided.credentials().get(0);
  }

  @Test
  void staticKeysMintALoginForTheAccountsRegistryThatExpiresWithTheToken()
      throws CredentialException {
    Instant before = Instant.now();

    RegistryCredential login =
        provideOne(ecr("registry-access/ecr", "region", "eu-west-1", "accountID", ACCOUNT));

    assertThat(login.registry().spelled()).isEqualTo(ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com");
    assertThat(login.username()).contains("AWS");
    assertThat(login.password()).contains(ACCOUNT + "-auth-token");
    assertThat(login.expiresAt().orElseThrow())
        .isCloseTo(before.plus(Duration.ofHours(12)), within(2, ChronoUnit.MINUTES));
    assertThat(moto.calls()).containsExactly(java.util.Map.entry("GetAuthorizationToken", 1));
  }

  @Test
  void withoutAccountIdTheRegistryHostComesFromTheProxyEndpoint() throws CredentialException {
    RegistryCredential login = provideOne(ecr("a/ecr", "region", "us-east-2"));

    assertThat(login.registry().spelled()).isEqualTo(ACCOUNT + ".dkr.ecr.us-east-2.amazonaws.com");
  }

  @Test
  void chinaRegionsUseTheChinaPartitionsDnsSuffix() throws CredentialException {
    RegistryCredential login =
        provideOne(ecr("a/ecr", "region", "cn-north-1", "accountID", "111122223333"));

    assertThat(login.registry().spelled())
        .isEqualTo("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn");
  }

  @Test
  void aRoleArnIsAssumedOnTopOfTheStaticKeys() throws CredentialException {
    RegistryCredential login =
        provideOne(
            ecr(
                "a/ecr",
                "region",
                "eu-west-1",
                "accountID",
                "210987654321",
                "roleArn",
                "arn:aws:iam::210987654321:role/puller"));

    // moto answers for the account of the credentials it is called with: the role's.
    assertThat(login.password()).contains("210987654321-auth-token");
    assertThat(moto.calls())
        .containsEntry("AssumeRole", 1)
        .containsEntry("GetAuthorizationToken", 1);
  }

  @Test
  void sourcesWithTheSameKeysShareATokenButARoleGetsItsOwn() {
    PullSecretRenderer renderer =
        PullSecretRenderer.create(
            CredentialProviders.of(new StaticCredentialProvider(), provider), clock);
    List<SourceInput> sources =
        List.of(
            ecr("a/one", "region", "eu-west-1", "accountID", ACCOUNT),
            ecr("a/two", "region", "eu-west-1"),
            ecr(
                "a/role",
                "region",
                "eu-west-1",
                "roleArn",
                "arn:aws:iam::210987654321:role/puller"));

    MergedConfig merged = renderer.render(sources);

    assertThat(merged.allOk()).as(merged.toString()).isTrue();
    // a/one and a/two name the same registry: one token, the second source is shadowed.
    assertThat(merged.sources().get(1).shadowedBy())
        .containsKey(ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com");
    assertThat(merged.credentials()).hasSize(2);
    assertThat(moto.calls("GetAuthorizationToken")).isEqualTo(2);
    assertThat(moto.calls("AssumeRole")).isEqualTo(1);
  }

  @Test
  void aCachedTokenIsReusedBeforeHalfLifeAndRefreshedAfterCountedByMoto() {
    PullSecretRenderer renderer =
        PullSecretRenderer.create(CredentialProviders.of(provider), clock);
    List<SourceInput> sources = List.of(ecr("a/ecr", "region", "eu-west-1", "accountID", ACCOUNT));

    MergedConfig first = renderer.render(sources);
    // A controller resyncs every half hour; the token must survive until half its 12 h.
    for (int i = 0; i < 11; i++) {
      clock.advance(Duration.ofMinutes(30));
      renderer.render(sources);
    }
    clock.advance(Duration.ofMinutes(29));
    MergedConfig justBeforeHalf = renderer.render(sources);
    int callsBeforeHalf = moto.calls("GetAuthorizationToken");
    clock.advance(Duration.ofMinutes(2));
    MergedConfig afterHalf = renderer.render(sources);

    assertThat(callsBeforeHalf).isEqualTo(1);
    assertThat(justBeforeHalf.dockerConfigJson()).isEqualTo(first.dockerConfigJson());
    assertThat(moto.calls("GetAuthorizationToken")).isEqualTo(2);
    assertThat(afterHalf.earliestExpiry().orElseThrow())
        .isAfter(first.earliestExpiry().orElseThrow());
  }

  @Test
  void anAwsErrorIsReportedByCodeAndStatusWithoutAnyKey() {
    moto.failAction("GetAuthorizationToken", "AccessDeniedException", 400);
    PullSecretRenderer renderer =
        PullSecretRenderer.create(CredentialProviders.of(provider), clock);

    MergedConfig merged = renderer.render(List.of(ecr("a/ecr", "region", "eu-west-1")));

    SourceStatus status = merged.sources().get(0);
    assertThat(status.state()).isEqualTo(SourceStatus.State.FAILED);
    assertThat(status.message())
        .isEqualTo(
            "failed: source 'a/ecr': ECR GetAuthorizationToken in eu-west-1 failed:"
                + " AccessDeniedException (HTTP 400): injected by imps test")
        .doesNotContain(KEY_ID, SECRET_KEY);
    assertThat(merged.isUsable()).isFalse();
  }

  @Test
  void whenEcrFailsTheLastGoodLoginIsUsedUntilTheTokenExpires() {
    PullSecretRenderer renderer =
        PullSecretRenderer.create(CredentialProviders.of(provider), clock);
    List<SourceInput> sources = List.of(ecr("a/ecr", "region", "eu-west-1", "accountID", ACCOUNT));
    MergedConfig good = renderer.render(sources);
    moto.failAction("GetAuthorizationToken", "ServerException", 400);

    // Well within half-life: the cached token is used and ECR is not asked.
    clock.advance(Duration.ofMinutes(30));
    MergedConfig early = renderer.render(sources);
    int callsEarly = moto.calls("GetAuthorizationToken");
    // Idle in the cache for over an hour, then past half-life: the cache has nothing, the renderer
    // still has the last good login.
    clock.advance(Duration.ofHours(7));
    MergedConfig stale = renderer.render(sources);
    clock.advance(Duration.ofHours(5));
    MergedConfig expired = renderer.render(sources);

    assertThat(early.sources().get(0).state()).isEqualTo(SourceStatus.State.OK);
    assertThat(callsEarly).isEqualTo(1);
    assertThat(moto.calls("GetAuthorizationToken")).isEqualTo(3);
    assertThat(stale.sources().get(0).state()).isEqualTo(SourceStatus.State.STALE);
    assertThat(stale.dockerConfigJson()).isEqualTo(good.dockerConfigJson());
    assertThat(stale.sources().get(0).message())
        .contains("ECR GetAuthorizationToken in eu-west-1 failed: ServerException (HTTP 400)");
    assertThat(expired.sources().get(0).state()).isEqualTo(SourceStatus.State.FAILED);
    assertThat(expired.isUsable()).isFalse();
  }

  @Test
  void aRefreshFailureWithTheTokenStillValidKeepsTheSourceOkWithAWarning() {
    PullSecretRenderer renderer =
        PullSecretRenderer.create(CredentialProviders.of(provider), clock);
    List<SourceInput> sources = List.of(ecr("a/ecr", "region", "eu-west-1", "accountID", ACCOUNT));
    MergedConfig good = renderer.render(sources);
    moto.failAction("GetAuthorizationToken", "ThrottlingException", 400);
    for (int i = 0; i < 13; i++) {
      clock.advance(Duration.ofMinutes(30));
      renderer.render(sources);
    }

    MergedConfig afterHalf = renderer.render(sources);

    assertThat(afterHalf.dockerConfigJson()).isEqualTo(good.dockerConfigJson());
    assertThat(afterHalf.sources().get(0).state()).isEqualTo(SourceStatus.State.OK);
    assertThat(afterHalf.sources().get(0).message())
        .startsWith("ok; refreshing the ECR token failed, using the cached one until ")
        .contains("ThrottlingException");
  }

  @Test
  void anUnreachableEndpointIsAClientErrorWithoutAnyKey() {
    try (AwsClients nowhere =
        AwsClients.builder()
            .ecrEndpoint(URI.create("http://127.0.0.1:9"))
            .callTimeout(Duration.ofSeconds(20))
            .build()) {
      EcrCredentialProvider unreachable = EcrCredentialProvider.create(cache, nowhere);

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> unreachable.provide(ecr("a/ecr", "region", "eu-west-1").secret().orElseThrow()))
          .isExactlyInstanceOf(CredentialException.class)
          .hasMessageStartingWith(
              "source 'a/ecr': ECR GetAuthorizationToken in eu-west-1 failed: SdkClientException:")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY_ID, SECRET_KEY));
    }
  }
}
