package dev.imps.credentials.ecr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identifies one ECR token in the {@link EcrTokenCache}: who asks (access key id, a SHA-256 of the
 * secret key, role ARN), where (region) and through which endpoints. Two sources share a token only
 * when all of these match, so different roles with the same keys never share one.
 *
 * <p>Holds a digest of the secret key, never the key. Immutable; {@link #toString()} leaves the
 * digest out.
 */
public final class EcrTokenKey {

  private final String region;
  private final String accessKeyId;
  private final String secretKeySha256;
  private final String roleArn;
  private final String ecrEndpoint;
  private final String stsEndpoint;

  private EcrTokenKey(
      String region,
      String accessKeyId,
      String secretKeySha256,
      String roleArn,
      String ecrEndpoint,
      String stsEndpoint) {
    this.region = region;
    this.accessKeyId = accessKeyId;
    this.secretKeySha256 = secretKeySha256;
    this.roleArn = roleArn;
    this.ecrEndpoint = ecrEndpoint;
    this.stsEndpoint = stsEndpoint;
  }

  /**
   * Builds the key for a config and the endpoints its calls go to.
   *
   * @param config the ECR login config
   * @param clients the clients, whose endpoint overrides are part of the key
   * @return the key
   */
  public static EcrTokenKey of(EcrLoginConfig config, AwsClients clients) {
    return new EcrTokenKey(
        config.region(),
        config.accessKeyId().orElse(""),
        config.secretKey().map(EcrTokenKey::sha256).orElse(""),
        config.roleArn().orElse(""),
        clients.ecrEndpoint().map(Object::toString).orElse(""),
        clients.stsEndpoint().map(Object::toString).orElse(""));
  }

  private static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Returns the region.
   *
   * @return the region name
   */
  public String region() {
    return region;
  }

  /**
   * Returns the role ARN.
   *
   * @return the ARN, or an empty string when no role is assumed
   */
  public String roleArn() {
    return roleArn;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof EcrTokenKey)) {
      return false;
    }
    EcrTokenKey that = (EcrTokenKey) other;
    return region.equals(that.region)
        && accessKeyId.equals(that.accessKeyId)
        && secretKeySha256.equals(that.secretKeySha256)
        && roleArn.equals(that.roleArn)
        && ecrEndpoint.equals(that.ecrEndpoint)
        && stsEndpoint.equals(that.stsEndpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(region, accessKeyId, secretKeySha256, roleArn, ecrEndpoint, stsEndpoint);
  }

  /** Shows region, access key id, role and endpoints; not the secret key digest. */
  @Override
  public String toString() {
    return "EcrTokenKey[region="
        + region
        + ", accessKeyId="
        + (accessKeyId.isEmpty() ? "(default chain)" : accessKeyId)
        + ", roleArn="
        + roleArn
        + ", ecrEndpoint="
        + ecrEndpoint
        + ", stsEndpoint="
        + stsEndpoint
        + "]";
  }
}
