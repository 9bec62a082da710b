package dev.imps.credentials.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.testing.Secrets;
import dev.imps.testsupport.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EcrTokenCacheTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration TWELVE_HOURS = Duration.ofHours(12);

  private final MovableClock clock = MovableClock.at(T0);

  /** Idle eviction is tested on its own; here tokens stay while unused for a day. */
  private final EcrTokenCache cache =
      EcrTokenCache.create(clock, Duration.ofMinutes(60), Duration.ofHours(24));

  private final AwsClients clients = AwsClients.create();
  private final AtomicInteger fetches = new AtomicInteger();

  @AfterEach
  void closeClients() {
    clients.close();
  }

  /** A fetcher standing in for ECR: numbered tokens valid for {@code validity} from "now". */
  private EcrTokenCache.Fetcher ecr(Duration validity) {
    return () -> {
      int n = fetches.incrementAndGet();
      Instant expiresAt = validity == null ? null : clock.instant().plus(validity);
      return new EcrTokenCache.Fetched("token-" + n, "https://1.dkr.ecr.x", expiresAt);
    };
  }

  private EcrTokenKey key(String... keysAndValues) throws CredentialException {
    return EcrTokenKey.of(EcrLoginConfig.parse(Secrets.ecr("a/ecr", keysAndValues)), clients);
  }

  private EcrTokenKey staticKey() throws CredentialException {
    return key("region", "eu-west-1", "accessKeyID", "AKIA1", "secretKey", "s1");
  }

  @Test
  void aTokenIsReusedUntilHalfItsValidityAndRefreshedAfter() throws CredentialException {
    EcrTokenKey key = staticKey();

    EcrToken first = cache.get(key, ecr(TWELVE_HOURS));
    clock.advance(Duration.ofHours(6).minusSeconds(1));
    EcrToken beforeHalf = cache.get(key, ecr(TWELVE_HOURS));
    clock.advance(Duration.ofSeconds(1));
    EcrToken atHalf = cache.get(key, ecr(TWELVE_HOURS));

    assertThat(beforeHalf).isSameAs(first);
    assertThat(atHalf.authorizationToken()).isEqualTo("token-2");
    assertThat(atHalf.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(18)));
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aMissingExpiryGetsTheDefaultValidityInsteadOfARefreshLoop() throws CredentialException {
    EcrTokenKey key = staticKey();

    EcrToken token = cache.get(key, ecr(null));
    clock.advance(Duration.ofMinutes(29));
    cache.get(key, ecr(null));

    assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    assertThat(fetches).hasValue(1);
  }

  @Test
  void anExpiryInThePastGetsTheDefaultValidity() throws CredentialException {
    EcrTokenKey key = staticKey();
    EcrTokenCache.Fetcher from2015 =
        () -> {
          fetches.incrementAndGet();
          return new EcrTokenCache.Fetched("t", null, Instant.parse("2015-01-01T00:00:00Z"));
        };

    EcrToken token = cache.get(key, from2015);
    clock.advance(Duration.ofMinutes(29));
    cache.get(key, from2015);
    clock.advance(Duration.ofMinutes(1));
    cache.get(key, from2015);

    assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    assertThat(fetches).hasValue(2);
  }

  @Test
  void differentRolesOrSecretKeysNeverShareAToken() throws CredentialException {
    List<EcrTokenKey> keys =
        List.of(
            staticKey(),
            key("region", "eu-west-1", "accessKeyID", "AKIA1", "secretKey", "s2"),
            key(
                "region",
                "eu-west-1",
                "accessKeyID",
                "AKIA1",
                "secretKey",
                "s1",
                "roleArn",
                "arn:aws:iam::111111111111:role/a"),
            key(
                "region",
                "eu-west-1",
                "accessKeyID",
                "AKIA1",
                "secretKey",
                "s1",
                "roleArn",
                "arn:aws:iam::111111111111:role/b"),
            key("region", "eu-central-1", "accessKeyID", "AKIA1", "secretKey", "s1"),
            key("region", "eu-west-1"));
    List<String> tokens = new ArrayList<>();
    for (EcrTokenKey key : keys) {
      tokens.add(cache.get(key, ecr(TWELVE_HOURS)).authorizationToken());
    }
    EcrTokenKey sameAsFirst =
        key(
            "region",
            "eu-west-1",
            "accessKeyID",
            "AKIA1",
            "secretKey",
            "s1",
            "accountID",
            "123456789012");

    assertThat(tokens).doesNotHaveDuplicates().hasSize(6);
    assertThat(cache.get(sameAsFirst, ecr(TWELVE_HOURS)).authorizationToken()).isEqualTo("token-1");
    assertThat(keys.get(0).toString()).doesNotContain("s1");
  }

  @Test
  void concurrentRequestsForOneKeyShareOneFetchAndOtherKeysDoNotWait() throws Exception {
    EcrTokenKey slowKey = staticKey();
    EcrTokenKey otherKey = key("region", "us-east-1", "accessKeyID", "AKIA2", "secretKey", "s");
    CountDownLatch release = new CountDownLatch(1);
    EcrTokenCache.Fetcher slow =
        () -> {
          fetches.incrementAndGet();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new EcrTokenCache.Fetched("shared", null, clock.instant().plus(TWELVE_HOURS));
        };
    int callers = 8;
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            callers,
            task -> {
              Thread thread = new Thread(task, "ecr-caller");
              threads.add(thread);
              return thread;
            });
    try {
      List<Future<EcrToken>> waiting = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        waiting.add(pool.submit(() -> cache.get(slowKey, slow)));
      }
      // The fetch is held until every caller waits: one in the fetch (on the latch), the others
      // on the fetch they share. Only then is it released, so no caller can come late and find
      // the token already cached.
      await("every caller waits")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  threads.size() == callers
                      && threads.stream()
                          .allMatch(
                              t ->
                                  t.getState() == Thread.State.WAITING
                                      || t.getState() == Thread.State.TIMED_WAITING));
      assertThat(fetches).hasValue(1);

      EcrToken other = cache.get(otherKey, ecr(TWELVE_HOURS));
      release.countDown();

      assertThat(other.authorizationToken()).isEqualTo("token-2");
      for (Future<EcrToken> f : waiting) {
        assertThat(f.get(30, TimeUnit.SECONDS).authorizationToken()).isEqualTo("shared");
      }
      assertThat(fetches).hasValue(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedRefreshServesTheStillValidTokenAndSaysWhy() throws CredentialException {
    EcrTokenKey key = staticKey();
    EcrToken first = cache.get(key, ecr(TWELVE_HOURS));
    clock.advance(Duration.ofHours(7));
    EcrTokenCache.Fetcher failing =
        () -> {
          fetches.incrementAndGet();
          throw new CredentialException("ECR GetAuthorizationToken failed: throttled");
        };

    EcrToken served = cache.get(key, failing);
    EcrToken again = cache.get(key, failing);
    clock.advance(Duration.ofHours(5));

    assertThat(served.authorizationToken()).isEqualTo(first.authorizationToken());
    assertThat(served.refreshError()).contains("ECR GetAuthorizationToken failed: throttled");
    assertThat(again.refreshError()).isPresent();
    assertThat(fetches).hasValue(3);
    assertThatThrownBy(() -> cache.get(key, failing))
        .isExactlyInstanceOf(CredentialException.class)
        .hasMessage("ECR GetAuthorizationToken failed: throttled");
  }

  @Test
  void theObserverHearsOfEveryFetchOnceButNotOfCachedAnswers() throws CredentialException {
    List<EcrTokenCache.FetchResult> heard = new ArrayList<>();
    EcrTokenCache observed =
        EcrTokenCache.create(clock, Duration.ofMinutes(60), Duration.ofHours(24), heard::add);
    EcrTokenKey key = staticKey();
    EcrTokenCache.Fetcher failing =
        () -> {
          throw new CredentialException("ECR GetAuthorizationToken failed: throttled");
        };

    observed.get(key, ecr(TWELVE_HOURS));
    observed.get(key, ecr(TWELVE_HOURS));
    clock.advance(Duration.ofHours(7));
    observed.get(key, failing);

    assertThat(heard)
        .containsExactly(EcrTokenCache.FetchResult.SUCCESS, EcrTokenCache.FetchResult.ERROR);
  }

  @Test
  void anObserverThatThrowsDoesNotBreakTheFetch() throws CredentialException {
    EcrTokenCache observed =
        EcrTokenCache.create(
            clock,
            Duration.ofMinutes(60),
            Duration.ofHours(24),
            result -> {
              throw new IllegalStateException("broken metrics");
            });

    assertThat(observed.get(staticKey(), ecr(TWELVE_HOURS)).authorizationToken())
        .isEqualTo("token-1");
  }

  @Test
  void tokensNobodyAskedForInAnHourAreDropped() throws CredentialException {
    EcrTokenCache cache = EcrTokenCache.create(clock);
    EcrTokenKey used = staticKey();
    EcrTokenKey idle = key("region", "us-east-1", "accessKeyID", "AKIA2", "secretKey", "s");
    cache.get(used, ecr(TWELVE_HOURS));
    cache.get(idle, ecr(TWELVE_HOURS));

    clock.advance(Duration.ofMinutes(59));
    cache.get(used, ecr(TWELVE_HOURS));
    assertThat(cache.size()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(2));
    cache.get(used, ecr(TWELVE_HOURS));

    assertThat(cache.size()).isEqualTo(1);
    cache.get(idle, ecr(TWELVE_HOURS));
    assertThat(fetches).hasValue(3);
  }
}
