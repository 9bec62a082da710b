package dev.imps.credentials.ecr;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.CredentialProvider;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.SafeText;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Mints registry logins from ECR for {@value SecretFormats#TYPE_ECR_LOGIN_CONFIG} secrets (see
 * {@link EcrLoginConfig} for the keys).
 *
 * <p>For each source: base credentials are the secret's static keys or the AWS SDK default chain;
 * with a {@code roleArn}, STS AssumeRole on top of them gives the credentials ECR is called with.
 * The token comes from the shared {@link EcrTokenCache}, so sources with the same credentials,
 * role, region and endpoints share one token. The result is one registry entry: user {@code AWS},
 * the token's password, {@code auth} = the token, expiring when the token does. Its registry key is
 * {@code <accountID>.dkr.ecr.<region>.<partition dns suffix>}, or the host of ECR's proxy endpoint
 * when the secret has no account id.
 *
 * <p>Thread-safe.
 */
public final class EcrCredentialProvider implements CredentialProvider {

  /** Session name used for AssumeRole, visible in the role's CloudTrail entries. */
  public static final String ROLE_SESSION_NAME = "imps";

  private final EcrTokenCache cache;
  private final AwsClients clients;

  private EcrCredentialProvider(EcrTokenCache cache, AwsClients clients) {
    this.cache = Objects.requireNonNull(cache, "cache must not be null");
    this.clients = Objects.requireNonNull(clients, "clients must not be null");
  }

  /**
   * Creates the provider.
   *
   * @param cache the process-wide token cache (its clock decides refreshes)
   * @param clients the AWS clients; the caller closes them
   * @return the provider
   */
  public static EcrCredentialProvider create(EcrTokenCache cache, AwsClients clients) {
    return new EcrCredentialProvider(cache, clients);
  }

  /**
   * Returns the ECR login secret type.
   *
   * @return {@value SecretFormats#TYPE_ECR_LOGIN_CONFIG}
   */
  @Override
  public Set<String> secretTypes() {
    return Set.of(SecretFormats.TYPE_ECR_LOGIN_CONFIG);
  }

  /**
   * Returns the ECR login for the secret, from the cache or fresh from ECR.
   *
   * @param secret an ECR login secret
   * @return one registry credential expiring with the token; a warning when a refresh failed and
   *     the older, still valid token is used
   * @throws CredentialException if the secret is malformed or the token cannot be had
   */
  @Override
  public ProvidedCredentials provide(SourceSecret secret) throws CredentialException {
    EcrLoginConfig config = EcrLoginConfig.parse(secret);
    String prefix = "source " + SafeText.quote(secret.name()) + ": ";
    EcrToken token;
    try {
      // The fetch may be shared with other sources, so its messages carry no source name.
      token = cache.get(EcrTokenKey.of(config, clients), () -> fetch(config));
    } catch (CredentialException e) {
      throw new CredentialException(prefix + e.getMessage());
    }
    String host = config.accountId().map(config::registryHost).orElse(null);
    if (host == null) {
      host = hostOf(token.proxyEndpoint().orElse(null), prefix);
    }
    RegistryCredential credential;
    try {
      credential =
          RegistryCredential.builder(host)
              .auth(token.authorizationToken())
              .expiresAt(token.expiresAt())
              .build();
    } catch (CredentialException e) {
      throw new CredentialException(prefix + "ECR returned an unusable token: " + e.getMessage());
    }
    List<String> warnings = new ArrayList<>();
    token
        .refreshError()
        .ifPresent(
            e ->
                warnings.add(
                    "refreshing the ECR token failed, using the cached one until "
                        + token.expiresAt()
                        + ": "
                        + e));
    return ProvidedCredentials.of(List.of(credential), warnings);
  }

  private EcrTokenCache.Fetched fetch(EcrLoginConfig config) throws CredentialException {
    AwsCredentialsProvider credentials =
        config.accessKeyId().isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    config.accessKeyId().orElseThrow(), config.secretKey().orElseThrow()))
            : clients.defaultCredentials();
    AwsErrors errors =
        new AwsErrors(config.accessKeyId().orElse(null), config.secretKey().orElse(null));
    if (config.roleArn().isPresent()) {
      credentials = assumeRole(config, credentials, errors);
    }
    GetAuthorizationTokenResponse response;
    try (EcrClient ecr = clients.ecr(config.region(), credentials)) {
      response = ecr.getAuthorizationToken();
    } catch (SdkException e) {
      throw errors.describe("ECR GetAuthorizationToken in " + config.region(), e);
    }
    if (!response.hasAuthorizationData() || response.authorizationData().isEmpty()) {
      throw new CredentialException("ECR GetAuthorizationToken returned no token");
    }
    AuthorizationData data = response.authorizationData().get(0);
    if (data.authorizationToken() == null || data.authorizationToken().isEmpty()) {
      throw new CredentialException("ECR GetAuthorizationToken returned an empty token");
    }
    return new EcrTokenCache.Fetched(
        data.authorizationToken(), data.proxyEndpoint(), data.expiresAt());
  }

  private AwsCredentialsProvider assumeRole(
      EcrLoginConfig config, AwsCredentialsProvider base, AwsErrors errors)
      throws CredentialException {
    String roleArn = config.roleArn().orElseThrow();
    AssumeRoleResponse response;
    try (StsClient sts = clients.sts(config.region(), base)) {
      response = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(ROLE_SESSION_NAME));
    } catch (SdkException e) {
      throw errors.describe("STS AssumeRole of " + roleArn, e);
    }
    Credentials c = response.credentials();
    if (c == null) {
      throw new CredentialException("STS AssumeRole of " + roleArn + " returned no credentials");
    }
    return StaticCredentialsProvider.create(
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }

  private static String hostOf(String proxyEndpoint, String prefix) throws CredentialException {
    if (proxyEndpoint == null || proxyEndpoint.isBlank()) {
      throw new CredentialException(
          prefix
              + "the secret has no key "
              + SafeText.quote(SecretFormats.KEY_ECR_ACCOUNT_ID)
              + " and ECR returned no proxy endpoint to take the registry host from");
    }
    try {
      String host = URI.create(proxyEndpoint.strip()).getHost();
      if (host != null && !host.isEmpty()) {
        return host;
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error below
    }
    throw new CredentialException(prefix + "ECR returned a proxy endpoint without a host");
  }
}
