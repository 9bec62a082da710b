package dev.imps.credentials.ecr;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.SafeText;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SecretValueText;
import dev.imps.credentials.SourceSecret;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The content of an ECR login secret ({@value SecretFormats#TYPE_ECR_LOGIN_CONFIG}), checked.
 *
 * <p>Keys: {@value SecretFormats#KEY_ECR_REGION} (required), {@value
 * SecretFormats#KEY_ECR_ACCESS_KEY_ID} and {@value SecretFormats#KEY_ECR_SECRET_KEY} (both or
 * neither; neither means the AWS SDK default credential chain), {@value
 * SecretFormats#KEY_ECR_ACCOUNT_ID} (optional; without it the registry host comes from ECR's
 * answer) and {@value SecretFormats#KEY_ECR_ROLE_ARN} (optional). Values are trimmed, since secrets
 * made with {@code echo} often end in a newline; empty values count as absent.
 *
 * <p>Immutable. {@link #toString()} leaves out the keys.
 */
public final class EcrLoginConfig {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+");

  private final String region;
  private final String accessKeyId;
  private final String secretKey;
  private final String accountId;
  private final String roleArn;

  private EcrLoginConfig(
      String region, String accessKeyId, String secretKey, String accountId, String roleArn) {
    this.region = region;
    this.accessKeyId = accessKeyId;
    this.secretKey = secretKey;
    this.accountId = accountId;
    this.roleArn = roleArn;
  }

  /**
   * Reads and checks an ECR login secret.
   *
   * @param secret the secret
   * @return the config
   * @throws CredentialException naming the source and key when a key is missing, malformed or
   *     inconsistent; never quoting a value
   */
  public static EcrLoginConfig parse(SourceSecret secret) throws CredentialException {
    String prefix = "source " + SafeText.quote(secret.name()) + ": ";
    String region = text(secret, SecretFormats.KEY_ECR_REGION, prefix);
    String accessKeyId = text(secret, SecretFormats.KEY_ECR_ACCESS_KEY_ID, prefix);
    String secretKey = text(secret, SecretFormats.KEY_ECR_SECRET_KEY, prefix);
    String accountId = text(secret, SecretFormats.KEY_ECR_ACCOUNT_ID, prefix);
    String roleArn = text(secret, SecretFormats.KEY_ECR_ROLE_ARN, prefix);
    if (region == null) {
      throw new CredentialException(
          prefix
              + "missing key "
              + SafeText.quote(SecretFormats.KEY_ECR_REGION)
              + (secret.keys().isEmpty() ? " (the secret has no data)" : ""));
    }
    if (!REGION.matcher(region).matches()) {
      throw new CredentialException(
          prefix
              + "key "
              + SafeText.quote(SecretFormats.KEY_ECR_REGION)
              + " is not an AWS region name like eu-west-1");
    }
    if ((accessKeyId == null) != (secretKey == null)) {
      String present =
          accessKeyId != null
              ? SecretFormats.KEY_ECR_ACCESS_KEY_ID
              : SecretFormats.KEY_ECR_SECRET_KEY;
      String absent =
          accessKeyId != null
              ? SecretFormats.KEY_ECR_SECRET_KEY
              : SecretFormats.KEY_ECR_ACCESS_KEY_ID;
      throw new CredentialException(
          prefix
              + "key "
              + SafeText.quote(present)
              + " is set but "
              + SafeText.quote(absent)
              + " is missing; give both, or neither to use the AWS default credential chain");
    }
    if (accountId != null && !ACCOUNT.matcher(accountId).matches()) {
      throw new CredentialException(
          prefix
              + "key "
              + SafeText.quote(SecretFormats.KEY_ECR_ACCOUNT_ID)
              + " is not a 12-digit AWS account id");
    }
    if (roleArn != null && !ROLE_ARN.matcher(roleArn).matches()) {
      throw new CredentialException(
          prefix
              + "key "
              + SafeText.quote(SecretFormats.KEY_ECR_ROLE_ARN)
              + " is not an IAM role ARN like arn:aws:iam::123456789012:role/name");
    }
    return new EcrLoginConfig(region, accessKeyId, secretKey, accountId, roleArn);
  }

  private static String text(SourceSecret secret, String key, String prefix)
      throws CredentialException {
    byte[] value = secret.value(key).orElse(null);
    if (value == null) {
      return null;
    }
    String text =
        SecretValueText.decode(
                value,
                what -> new CredentialException(prefix + "key " + SafeText.quote(key) + " " + what))
            .strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * Returns the region.
   *
   * @return the region name, e.g. {@code eu-west-1}
   */
  public String region() {
    return region;
  }

  /**
   * Returns the static access key id.
   *
   * @return the id; empty when the default credential chain is used
   */
  public Optional<String> accessKeyId() {
    return Optional.ofNullable(accessKeyId);
  }

  /**
   * Returns the static secret access key.
   *
   * @return the key; empty when the default credential chain is used
   */
  public Optional<String> secretKey() {
    return Optional.ofNullable(secretKey);
  }

  /**
   * Returns the registry's account id.
   *
   * @return the 12-digit id, if given
   */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /**
   * Returns the role to assume.
   *
   * @return the role ARN, if given
   */
  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  /**
   * Returns the registry host of an account in this config's region: {@code
   * <account>.dkr.ecr.<region>.<dns suffix of the region's partition>}, so {@code amazonaws.com.cn}
   * in China.
   *
   * @param accountId the 12-digit account id
   * @return the host, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com}
   */
  public String registryHost(String accountId) {
    return registryHost(accountId, region);
  }

  /**
   * Returns the ECR registry host of an account in a region.
   *
   * @param accountId the 12-digit account id
   * @param region the region name
   * @return {@code <account>.dkr.ecr.<region>.<partition dns suffix>}
   */
  public static String registryHost(String accountId, String region) {
    Objects.requireNonNull(accountId, "accountId must not be null");
    String suffix = PartitionMetadata.of(Region.of(region)).dnsSuffix();
    return accountId + ".dkr.ecr." + region + "." + suffix;
  }

  /** Shows region, account and role, and whether static keys are set; never the keys. */
  @Override
  public String toString() {
    return "EcrLoginConfig[region="
        + region
        + ", accountId="
        + accountId
        + ", roleArn="
        + roleArn
        + ", staticKeys="
        + (accessKeyId != null)
        + "]";
  }
}
