package dev.imps.credentials.ecr;

import dev.imps.credentials.CredentialException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * ECR tokens shared by every caller in the process, keyed by {@link EcrTokenKey}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>A cached token is returned until half of its validity has passed; after that the next
 *       request fetches a new one.
 *   <li>Concurrent requests for one key share one fetch; requests for other keys never wait for it.
 *       No lock is held across a fetch except the one future the waiters of that key share.
 *   <li>If a refresh fails while the cached token has not expired yet, the cached token is returned
 *       with {@link EcrToken#refreshError()} set, so workloads keep pulling; the next request tries
 *       again.
 *   <li>An {@code expiresAt} that is missing, or not at least a minute in the future (clock skew),
 *       is replaced by fetch time plus the default validity ({@value #DEFAULT_VALIDITY_MINUTES}
 *       minutes unless configured), so a skewed clock causes a refresh every half of that, not a
 *       refresh on every request.
 *   <li>Tokens not requested for the idle time ({@value #DEFAULT_IDLE_MINUTES} minutes unless
 *       configured) are dropped.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class EcrTokenCache {

  /** Default validity, in minutes, of a token whose expiry is missing or in the past. */
  public static final long DEFAULT_VALIDITY_MINUTES = 60;

  /** Default time, in minutes, after which a token nobody asked for is dropped. */
  public static final long DEFAULT_IDLE_MINUTES = 60;

  private static final Duration MIN_AHEAD = Duration.ofMinutes(1);
  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
  private static final System.Logger LOG = System.getLogger(EcrTokenCache.class.getName());

  private final Clock clock;
  private final Duration defaultValidity;
  private final Duration idleTimeout;
  private final FetchObserver observer;
  private final ConcurrentHashMap<EcrTokenKey, Slot> slots = new ConcurrentHashMap<>();
  private volatile Instant lastSweep;

  private EcrTokenCache(
      Clock clock, Duration defaultValidity, Duration idleTimeout, FetchObserver observer) {
    this.clock = clock;
    this.defaultValidity = defaultValidity;
    this.idleTimeout = idleTimeout;
    this.observer = observer;
    this.lastSweep = clock.instant();
  }

  /**
   * Creates a cache on the system clock with the default validity and idle time.
   *
   * @return an empty cache
   */
  public static EcrTokenCache create() {
    return create(Clock.systemUTC());
  }

  /**
   * Creates a cache on a given clock with the default validity and idle time.
   *
   * @param clock the clock for fetch times, refreshes and idle eviction
   * @return an empty cache
   */
  public static EcrTokenCache create(Clock clock) {
    return create(
        clock,
        Duration.ofMinutes(DEFAULT_VALIDITY_MINUTES),
        Duration.ofMinutes(DEFAULT_IDLE_MINUTES));
  }

  /**
   * Creates a cache.
   *
   * @param clock the clock for fetch times, refreshes and idle eviction
   * @param defaultValidity validity assumed when ECR's expiry is missing or in the past
   * @param idleTimeout how long a token nobody asks for is kept
   * @return an empty cache
   * @throws IllegalArgumentException if a duration is not positive
   */
  public static EcrTokenCache create(Clock clock, Duration defaultValidity, Duration idleTimeout) {
    return create(clock, defaultValidity, idleTimeout, result -> {});
  }

  /**
   * Creates a cache that tells an observer about every fetch it makes, e.g. to count them.
   *
   * @param clock the clock for fetch times, refreshes and idle eviction
   * @param defaultValidity validity assumed when ECR's expiry is missing or in the past
   * @param idleTimeout how long a token nobody asks for is kept
   * @param observer told the result of every fetch (once per fetch, however many callers share it);
   *     an exception it throws is ignored
   * @return an empty cache
   * @throws IllegalArgumentException if a duration is not positive
   */
  public static EcrTokenCache create(
      Clock clock, Duration defaultValidity, Duration idleTimeout, FetchObserver observer) {
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(observer, "observer must not be null");
    if (defaultValidity.isNegative() || defaultValidity.isZero()) {
      throw new IllegalArgumentException("default validity must be positive");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive");
    }
    return new EcrTokenCache(clock, defaultValidity, idleTimeout, observer);
  }

  /** What one fetch of a token ended in. */
  public enum FetchResult {
    /** ECR gave a token. */
    SUCCESS,
    /** The fetch failed; a cached token still valid may be served instead. */
    ERROR
  }

  /** Told the result of every fetch; must be quick and thread-safe. */
  @FunctionalInterface
  public interface FetchObserver {
    /**
     * Notes one fetch.
     *
     * @param result how it ended
     */
    void fetched(FetchResult result);
  }

  /**
   * Fetches a token from ECR; called by the cache when it has none fresh.
   *
   * <p>Implementations call AWS and may block.
   */
  @FunctionalInterface
  public interface Fetcher {
    /**
     * Fetches a new token.
     *
     * @return what ECR answered
     * @throws CredentialException if the token cannot be had; the message must not contain a
     *     credential value
     */
    Fetched fetch() throws CredentialException;
  }

  /**
   * What ECR answered to GetAuthorizationToken.
   *
   * @param authorizationToken the token, {@code base64("AWS:<password>")}
   * @param proxyEndpoint the proxy endpoint, or null
   * @param expiresAt ECR's expiry, or null when missing
   */
  public record Fetched(String authorizationToken, String proxyEndpoint, Instant expiresAt) {
    /**
     * Checks the token is present.
     *
     * @throws NullPointerException if the token is null
     */
    public Fetched {
      Objects.requireNonNull(authorizationToken, "authorizationToken must not be null");
    }

    /** Shows endpoint and expiry; never the token. */
    @Override
    public String toString() {
      return "Fetched[proxyEndpoint=" + proxyEndpoint + ", expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * Returns a fresh token for the key, fetching one if needed.
   *
   * @param key who asks, where
   * @param fetcher how to fetch a new token for this key
   * @return a token that has not reached half its validity, or an older still-valid one with {@link
   *     EcrToken#refreshError()} set when the refresh failed
   * @throws CredentialException if the fetch failed and no valid token is cached; every waiter for
   *     the same fetch gets the same failure
   */
  public EcrToken get(EcrTokenKey key, Fetcher fetcher) throws CredentialException {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(fetcher, "fetcher must not be null");
    Instant now = clock.instant();
    sweepIfDue(now);
    Slot slot =
        slots.compute(
            key,
            (k, existing) -> {
              Slot s = existing == null ? new Slot() : existing;
              s.lastUsed = now;
              return s;
            });
    CompletableFuture<EcrToken> flight;
    boolean mine = false;
    synchronized (slot) {
      EcrToken cached = slot.token;
      if (cached != null && now.isBefore(cached.refreshAt())) {
        return cached;
      }
      if (slot.inFlight == null) {
        slot.inFlight = new CompletableFuture<>();
        mine = true;
      }
      flight = slot.inFlight;
    }
    if (mine) {
      fetchInto(key, slot, flight, fetcher);
    }
    return await(flight);
  }

  private void fetchInto(
      EcrTokenKey key, Slot slot, CompletableFuture<EcrToken> flight, Fetcher fetcher) {
    EcrToken result;
    try {
      Fetched fetched = fetcher.fetch();
      Instant fetchedAt = clock.instant();
      result =
          EcrToken.of(
              fetched.authorizationToken(),
              fetched.proxyEndpoint(),
              fetchedAt,
              effectiveExpiry(fetched.expiresAt(), fetchedAt));
      LOG.log(Level.DEBUG, "fetched ECR token for {0}, expires {1}", key, result.expiresAt());
    } catch (CredentialException | RuntimeException e) {
      tell(FetchResult.ERROR);
      EcrToken cached;
      synchronized (slot) {
        cached = slot.token;
        slot.inFlight = null;
      }
      String message =
          e instanceof CredentialException
              ? e.getMessage()
              : "unexpected " + e.getClass().getName() + " fetching an ECR token";
      if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
        LOG.log(Level.DEBUG, "ECR token refresh failed for {0}; serving cached token", key);
        flight.complete(cached.withRefreshError(message));
      } else {
        flight.completeExceptionally(
            e instanceof CredentialException ? e : new CredentialException(message));
      }
      return;
    }
    tell(FetchResult.SUCCESS);
    synchronized (slot) {
      slot.token = result;
      slot.inFlight = null;
    }
    flight.complete(result);
  }

  private void tell(FetchResult result) {
    try {
      observer.fetched(result);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "ECR fetch observer failed: {0}", e.getClass().getName());
    }
  }

  private Instant effectiveExpiry(Instant reported, Instant fetchedAt) {
    if (reported == null || reported.isBefore(fetchedAt.plus(MIN_AHEAD))) {
      return fetchedAt.plus(defaultValidity);
    }
    return reported;
  }

  private static EcrToken await(CompletableFuture<EcrToken> flight) throws CredentialException {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException("interrupted while waiting for an ECR token");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CredentialException) {
        // A fresh instance per waiter, with the same safe message, so stack traces are theirs.
        throw new CredentialException(e.getCause().getMessage());
      }
      throw new CredentialException("fetching an ECR token failed unexpectedly");
    }
  }

  /**
   * Drops tokens nobody asked for during the idle time. Runs on its own at most once a minute
   * during {@link #get}; callers need not call it.
   */
  public void evictIdle() {
    Instant now = clock.instant();
    lastSweep = now;
    Instant cutoff = now.minus(idleTimeout);
    for (EcrTokenKey key : slots.keySet()) {
      slots.computeIfPresent(
          key, (k, s) -> s.inFlight == null && s.lastUsed.isBefore(cutoff) ? null : s);
    }
  }

  private void sweepIfDue(Instant now) {
    if (!now.isBefore(lastSweep.plus(SWEEP_INTERVAL))) {
      evictIdle();
    }
  }

  /**
   * Returns how many keys the cache holds.
   *
   * @return the number of keys with a token or a fetch in flight
   */
  public int size() {
    return slots.size();
  }

  /** Per key: the last token and the fetch in flight; guarded by the slot's monitor. */
  private static final class Slot {
    EcrToken token;
    volatile CompletableFuture<EcrToken> inFlight;
    volatile Instant lastUsed;
  }
}
