package dev.imps.credentials.ecr;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Makes the ECR and STS clients {@link EcrCredentialProvider} calls, and holds what they share: one
 * HTTP client (made when the first ECR or STS client is), optional endpoint overrides, and the AWS
 * SDK default credential chain used when a secret has no static keys.
 *
 * <p>Without overrides the SDK resolves endpoints itself, including its {@code
 * AWS_ENDPOINT_URL_ECR} / {@code AWS_ENDPOINT_URL_STS} environment variables. Tests point both at a
 * local moto server with {@link Builder#ecrEndpoint(URI)} and {@link Builder#stsEndpoint(URI)}.
 *
 * <p>Thread-safe. Close it when the process is done with ECR; clients made from it are closed after
 * each use by the provider.
 */
public final class AwsClients implements AutoCloseable {

  /** Default limit, in seconds, for one AWS API call including retries. */
  public static final long DEFAULT_CALL_TIMEOUT_SECONDS = 30;

  private final URI ecrEndpoint;
  private final URI stsEndpoint;
  private final Duration callTimeout;
  private final AwsCredentialsProvider givenDefaultCredentials;
  private SdkHttpClient httpClient;
  private DefaultCredentialsProvider ownDefaultCredentials;

  private AwsClients(Builder builder) {
    this.ecrEndpoint = builder.ecrEndpoint;
    this.stsEndpoint = builder.stsEndpoint;
    this.callTimeout = builder.callTimeout;
    this.givenDefaultCredentials = builder.defaultCredentials;
  }

  /**
   * Creates clients with the SDK's endpoint resolution and default credential chain.
   *
   * @return the clients
   */
  public static AwsClients create() {
    return builder().build();
  }

  /**
   * Starts a builder.
   *
   * @return a builder with no overrides
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the ECR endpoint override.
   *
   * @return the override, if any
   */
  public Optional<URI> ecrEndpoint() {
    return Optional.ofNullable(ecrEndpoint);
  }

  /**
   * Returns the STS endpoint override.
   *
   * @return the override, if any
   */
  public Optional<URI> stsEndpoint() {
    return Optional.ofNullable(stsEndpoint);
  }

  EcrClient ecr(String region, AwsCredentialsProvider credentials) {
    var builder =
        EcrClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClient(httpClient())
            .overrideConfiguration(overrides());
    if (ecrEndpoint != null) {
      builder.endpointOverride(ecrEndpoint);
    }
    return builder.build();
  }

  StsClient sts(String region, AwsCredentialsProvider credentials) {
    var builder =
        StsClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClient(httpClient())
            .overrideConfiguration(overrides());
    if (stsEndpoint != null) {
      builder.endpointOverride(stsEndpoint);
    }
    return builder.build();
  }

  /**
   * The HTTP client, made on first use. Making it builds a TLS context with the JDK's default trust
   * store, whose ~150 certificates it holds for as long as it lives; an operator without ECR
   * sources never needs them.
   */
  private synchronized SdkHttpClient httpClient() {
    if (httpClient == null) {
      httpClient =
          UrlConnectionHttpClient.builder()
              .connectionTimeout(Duration.ofSeconds(5))
              .socketTimeout(Duration.ofSeconds(15))
              .build();
    }
    return httpClient;
  }

  /** Whether the HTTP client has been made, for tests. */
  synchronized boolean httpClientMade() {
    return httpClient != null;
  }

  /** The default chain, made on first use so it sees the environment of that moment. */
  synchronized AwsCredentialsProvider defaultCredentials() {
    if (givenDefaultCredentials != null) {
      return givenDefaultCredentials;
    }
    if (ownDefaultCredentials == null) {
      ownDefaultCredentials = DefaultCredentialsProvider.builder().build();
    }
    return ownDefaultCredentials;
  }

  private ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder().apiCallTimeout(callTimeout).build();
  }

  /**
   * Closes the HTTP client, if it was made, and the default chain made here (not one given to the
   * builder).
   */
  @Override
  public synchronized void close() {
    if (httpClient != null) {
      httpClient.close();
    }
    if (ownDefaultCredentials != null) {
      ((SdkAutoCloseable) ownDefaultCredentials).close();
      ownDefaultCredentials = null;
    }
  }

  /** Configures {@link AwsClients}. Not thread-safe. */
  public static final class Builder {
    private URI ecrEndpoint;
    private URI stsEndpoint;
    private AwsCredentialsProvider defaultCredentials;
    private Duration callTimeout = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);

    private Builder() {}

    /**
     * Sends ECR calls to this endpoint instead of the region's.
     *
     * @param endpoint e.g. {@code http://127.0.0.1:5000}
     * @return this builder
     */
    public Builder ecrEndpoint(URI endpoint) {
      this.ecrEndpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
      return this;
    }

    /**
     * Sends STS calls (AssumeRole) to this endpoint instead of the region's.
     *
     * @param endpoint e.g. {@code http://127.0.0.1:5000}
     * @return this builder
     */
    public Builder stsEndpoint(URI endpoint) {
      this.stsEndpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
      return this;
    }

    /**
     * Uses these base credentials for secrets without static keys, instead of the SDK default
     * chain.
     *
     * @param credentials the provider; the caller keeps ownership and closes it
     * @return this builder
     */
    public Builder defaultCredentials(AwsCredentialsProvider credentials) {
      this.defaultCredentials = Objects.requireNonNull(credentials, "credentials must not be null");
      return this;
    }

    /**
     * Limits each AWS API call, retries included.
     *
     * @param timeout the limit; default {@value AwsClients#DEFAULT_CALL_TIMEOUT_SECONDS} seconds
     * @return this builder
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public Builder callTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("call timeout must be positive");
      }
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Builds the clients.
     *
     * @return the clients
     */
    public AwsClients build() {
      return new AwsClients(this);
    }
  }
}
