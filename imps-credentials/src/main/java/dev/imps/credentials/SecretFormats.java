package dev.imps.credentials;

/**
 * The secret types and data keys imps reads, and the limits it applies to them: the one place these
 * strings are spelled.
 */
public final class SecretFormats {

  /** Secret type of a docker config in the current format ({@code {"auths": {...}}}). */
  public static final String TYPE_DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  /** Data key of {@link #TYPE_DOCKER_CONFIG_JSON} secrets. */
  public static final String KEY_DOCKER_CONFIG_JSON = ".dockerconfigjson";

  /** Secret type of a docker config in the legacy flat format (no {@code auths} wrapper). */
  public static final String TYPE_DOCKERCFG = "kubernetes.io/dockercfg";

  /** Data key of {@link #TYPE_DOCKERCFG} secrets. */
  public static final String KEY_DOCKERCFG = ".dockercfg";

  /** Secret type of banzaicloud IMPS's ECR login secrets, kept so IMPS users keep their secrets. */
  public static final String TYPE_ECR_LOGIN_CONFIG = "banzaicloud.io/aws-ecr-login-config";

  /** Secret type of a secret created without a type, as in the ECR example of IMPS's README. */
  public static final String TYPE_OPAQUE = "Opaque";

  /** ECR secret key: AWS access key id (optional; with {@link #KEY_ECR_SECRET_KEY}). */
  public static final String KEY_ECR_ACCESS_KEY_ID = "accessKeyID";

  /** ECR secret key: AWS secret access key (optional; with {@link #KEY_ECR_ACCESS_KEY_ID}). */
  public static final String KEY_ECR_SECRET_KEY = "secretKey";

  /** ECR secret key: AWS region, e.g. {@code eu-west-1} (required). */
  public static final String KEY_ECR_REGION = "region";

  /** ECR secret key: 12-digit AWS account id of the registry (optional). */
  public static final String KEY_ECR_ACCOUNT_ID = "accountID";

  /** ECR secret key: ARN of a role to assume on top of the base credentials (optional). */
  public static final String KEY_ECR_ROLE_ARN = "roleArn";

  /**
   * Largest secret value imps parses, in bytes: 1 MiB, the size limit Kubernetes puts on a whole
   * Secret, so anything larger cannot have come from one.
   */
  public static final int MAX_VALUE_BYTES = 1024 * 1024;

  private SecretFormats() {}
}
