package dev.imps.credentials.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.testing.Secrets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EcrLoginConfigTest {

  private static final String KEY_ID = "AKIAEXAMPLEKEYID0001";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";

  @Test
  void readsImpsSecretsWithTrimmedValues() throws CredentialException {
    EcrLoginConfig config =
        EcrLoginConfig.parse(
            Secrets.ecr(
                "registry-access/ecr",
                "accessKeyID",
                KEY_ID + "\n",
                "secretKey",
                SECRET_KEY + "\n",
                "region",
                " eu-west-1\n",
                "accountID",
                "123456789012",
                "roleArn",
                "arn:aws:iam::210987654321:role/puller"));

    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.accessKeyId()).contains(KEY_ID);
    assertThat(config.secretKey()).contains(SECRET_KEY);
    assertThat(config.accountId()).contains("123456789012");
    assertThat(config.roleArn()).contains("arn:aws:iam::210987654321:role/puller");
    assertThat(config.toString()).doesNotContain(KEY_ID, SECRET_KEY);
  }

  @Test
  void withoutKeysTheDefaultChainIsUsedAndAccountIsOptional() throws CredentialException {
    EcrLoginConfig config =
        EcrLoginConfig.parse(Secrets.ecr("a/ecr", "region", "us-east-1", "accessKeyID", ""));

    assertThat(config.accessKeyId()).isEmpty();
    assertThat(config.secretKey()).isEmpty();
    assertThat(config.accountId()).isEmpty();
  }

  static Stream<Arguments> registryHosts() {
    return Stream.of(
        arguments("eu-west-1", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
        arguments("cn-north-1", "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn"),
        arguments("cn-northwest-1", "123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn"),
        arguments("us-gov-west-1", "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com"),
        arguments("us-iso-east-1", "123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov"),
        arguments("eu-south-9", "123456789012.dkr.ecr.eu-south-9.amazonaws.com"));
  }

  @ParameterizedTest(name = "in {0} the registry is {1}")
  @MethodSource("registryHosts")
  void registryHostUsesThePartitionsDnsSuffix(String region, String host) {
    assertThat(EcrLoginConfig.registryHost("123456789012", region)).isEqualTo(host);
  }

  static Stream<Arguments> badSecrets() {
    return Stream.of(
        arguments(
            "no data at all",
            SourceSecret.of("a/ecr", SecretFormats.TYPE_ECR_LOGIN_CONFIG, Map.of()),
            "missing key 'region' (the secret has no data)"),
        arguments(
            "no region",
            Secrets.ecr("a/ecr", "accessKeyID", KEY_ID, "secretKey", SECRET_KEY),
            "missing key 'region'"),
        arguments(
            "a region that is no region name",
            Secrets.ecr("a/ecr", "region", SECRET_KEY),
            "key 'region' is not an AWS region name like eu-west-1"),
        arguments(
            "an access key id without secret key",
            Secrets.ecr("a/ecr", "region", "eu-west-1", "accessKeyID", KEY_ID),
            "key 'accessKeyID' is set but 'secretKey' is missing; give both, or neither to use"
                + " the AWS default credential chain"),
        arguments(
            "a secret key without access key id",
            Secrets.ecr("a/ecr", "region", "eu-west-1", "secretKey", SECRET_KEY),
            "key 'secretKey' is set but 'accessKeyID' is missing; give both, or neither to use"
                + " the AWS default credential chain"),
        arguments(
            "an account id that is not 12 digits",
            Secrets.ecr("a/ecr", "region", "eu-west-1", "accountID", "12345"),
            "key 'accountID' is not a 12-digit AWS account id"),
        arguments(
            "a role ARN that is a user ARN",
            Secrets.ecr(
                "a/ecr", "region", "eu-west-1", "roleArn", "arn:aws:iam::123456789012:user/bob"),
            "key 'roleArn' is not an IAM role ARN like arn:aws:iam::123456789012:role/name"),
        arguments(
            "a secret key that is not UTF-8",
            SourceSecret.of(
                "a/ecr",
                SecretFormats.TYPE_ECR_LOGIN_CONFIG,
                Map.of(
                    "region", Secrets.utf8("eu-west-1"),
                    "accessKeyID", Secrets.utf8(KEY_ID),
                    "secretKey", new byte[] {(byte) 0xff})),
            "key 'secretKey' is not UTF-8 text"),
        arguments(
            "a value over 1 MiB",
            Secrets.ecr("a/ecr", "region", "e".repeat(SecretFormats.MAX_VALUE_BYTES + 1)),
            "key 'region' is too large (1048577 bytes; the limit is 1048576)"));
  }

  @ParameterizedTest(name = "{0} is rejected")
  @MethodSource("badSecrets")
  void rejectsBadSecretsNamingSourceAndKeyButNoValue(
      String description, SourceSecret secret, String problem) {
    assertThatThrownBy(() -> EcrLoginConfig.parse(secret))
        .isExactlyInstanceOf(CredentialException.class)
        .hasMessage("source 'a/ecr': " + problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY_ID, SECRET_KEY));
  }
}
