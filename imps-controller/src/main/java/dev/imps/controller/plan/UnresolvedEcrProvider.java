package dev.imps.controller.plan;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.CredentialProvider;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.ecr.EcrLoginConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stands in for the ECR provider when the plan must not call AWS (no {@code --resolve}). It checks
 * the ECR login secret exactly as the real provider does ({@link EcrLoginConfig#parse}: region,
 * account id, key pair, role ARN) and answers one registry entry for the ECR host of the secret's
 * account and region, with user {@value #USERNAME} and a placeholder password instead of a token,
 * plus a warning that says so.
 *
 * <p>Without {@code accountID} the real host is the proxy endpoint ECR returns for the caller's
 * account; the entry then uses {@value #UNKNOWN_ACCOUNT} in place of the account id. Stateless and
 * thread-safe; never touches the network.
 */
public final class UnresolvedEcrProvider implements CredentialProvider {

  /** The user ECR logins have. */
  public static final String USERNAME = "AWS";

  /** What stands where the ECR token would be; redacted in output like any password. */
  public static final String PLACEHOLDER_PASSWORD = "unresolved-ecr-token";

  /** What stands for the account id of a secret without {@code accountID}. */
  public static final String UNKNOWN_ACCOUNT = "aws-account-id";

  /** The warning on every unresolved ECR source. */
  public static final String NOT_RESOLVED =
      "ECR token not fetched: imps plan calls AWS only with --resolve";

  /** Creates the provider. */
  public UnresolvedEcrProvider() {}

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
   * Checks the secret and returns the placeholder entry for its registry.
   *
   * @param secret an ECR login secret
   * @return one entry, with a warning that the token was not fetched
   * @throws CredentialException if the secret is malformed, as the real provider would
   */
  @Override
  public ProvidedCredentials provide(SourceSecret secret) throws CredentialException {
    EcrLoginConfig config = EcrLoginConfig.parse(secret);
    List<String> warnings = new ArrayList<>();
    warnings.add(NOT_RESOLVED);
    String host;
    if (config.accountId().isPresent()) {
      host = config.registryHost(config.accountId().get());
    } else {
      host = config.registryHost(UNKNOWN_ACCOUNT);
      warnings.add(
          "the secret has no accountID: the registry is the caller's account's, known only with"
              + " --resolve");
    }
    RegistryCredential credential =
        RegistryCredential.builder(host).username(USERNAME).password(PLACEHOLDER_PASSWORD).build();
    return ProvidedCredentials.of(List.of(credential), warnings);
  }
}
