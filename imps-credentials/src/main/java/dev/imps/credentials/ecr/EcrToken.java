package dev.imps.credentials.ecr;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An ECR authorization token as cached: the token ({@code base64("AWS:<password>")}), the proxy
 * endpoint ECR named, when it was fetched and when it expires.
 *
 * <p>Immutable. {@link #toString()} leaves the token out.
 */
public final class EcrToken {

  private final String authorizationToken;
  private final String proxyEndpoint;
  private final Instant fetchedAt;
  private final Instant expiresAt;
  private final String refreshError;

  private EcrToken(
      String authorizationToken,
      String proxyEndpoint,
      Instant fetchedAt,
      Instant expiresAt,
      String refreshError) {
    this.authorizationToken = authorizationToken;
    this.proxyEndpoint = proxyEndpoint;
    this.fetchedAt = fetchedAt;
    this.expiresAt = expiresAt;
    this.refreshError = refreshError;
  }

  /**
   * Creates a token.
   *
   * @param authorizationToken the token as ECR returned it
   * @param proxyEndpoint ECR's proxy endpoint, e.g. {@code
   *     https://123456789012.dkr.ecr.eu-west-1.amazonaws.com}; null if ECR gave none
   * @param fetchedAt when it was fetched
   * @param expiresAt when it expires; must be after {@code fetchedAt}
   * @return the token
   * @throws IllegalArgumentException if {@code expiresAt} is not after {@code fetchedAt}
   */
  public static EcrToken of(
      String authorizationToken, String proxyEndpoint, Instant fetchedAt, Instant expiresAt) {
    Objects.requireNonNull(authorizationToken, "authorizationToken must not be null");
    Objects.requireNonNull(fetchedAt, "fetchedAt must not be null");
    Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    if (!expiresAt.isAfter(fetchedAt)) {
      throw new IllegalArgumentException("expiresAt must be after fetchedAt");
    }
    return new EcrToken(authorizationToken, proxyEndpoint, fetchedAt, expiresAt, null);
  }

  /**
   * Returns the token.
   *
   * @return {@code base64("AWS:<password>")}
   */
  public String authorizationToken() {
    return authorizationToken;
  }

  /**
   * Returns ECR's proxy endpoint.
   *
   * @return the endpoint URL, if ECR gave one
   */
  public Optional<String> proxyEndpoint() {
    return Optional.ofNullable(proxyEndpoint);
  }

  /**
   * Returns when the token was fetched.
   *
   * @return the instant, on the cache's clock
   */
  public Instant fetchedAt() {
    return fetchedAt;
  }

  /**
   * Returns when the token expires.
   *
   * @return the instant; ECR's {@code expiresAt}, or fetch time plus the cache's default validity
   *     when ECR's was missing or not in the future
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns the instant from which the cache refreshes the token: half way between fetch and
   * expiry.
   *
   * @return {@code fetchedAt + (expiresAt - fetchedAt) / 2}
   */
  public Instant refreshAt() {
    return fetchedAt.plus(Duration.between(fetchedAt, expiresAt).dividedBy(2));
  }

  /**
   * Returns why the last refresh failed, when this token is an older one served because the refresh
   * failed while it was still valid.
   *
   * @return the refresh error, without credential values
   */
  public Optional<String> refreshError() {
    return Optional.ofNullable(refreshError);
  }

  EcrToken withRefreshError(String error) {
    return new EcrToken(authorizationToken, proxyEndpoint, fetchedAt, expiresAt, error);
  }

  /** Shows endpoint and times; never the token. */
  @Override
  public String toString() {
    return "EcrToken[proxyEndpoint="
        + proxyEndpoint
        + ", fetchedAt="
        + fetchedAt
        + ", expiresAt="
        + expiresAt
        + (refreshError == null ? "" : ", refreshError=" + refreshError)
        + "]";
  }
}
