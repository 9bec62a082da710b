package dev.imps.credentials.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.testing.Secrets;
import dev.imps.testsupport.moto.MotoServer;
import dev.imps.testsupport.time.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets without keys use the AWS SDK default chain. Here that chain finds IRSA-style web identity
 * (a token file and a role ARN), the way an EKS pod would, with STS at moto.
 *
 * <p>The SDK reads these settings from system properties as well as environment variables; this
 * class sets the properties and removes them afterwards, so no other test sees them.
 */
class EcrWebIdentityIT {

  private static final String IRSA_ROLE = "arn:aws:iam::345678901234:role/imps-irsa";
  private static final Map<String, String> PROPERTIES_SET = new java.util.LinkedHashMap<>();

  private static MotoServer moto;
  private static Path tokenFile;

  @BeforeAll
  static void pretendToBeAnEksPod() throws IOException {
    moto = MotoServer.start();
    tokenFile = Files.createTempFile("imps-web-identity", ".jwt");
    Files.writeString(tokenFile, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbXBzIn0.c2lnbmF0dXJl");
    set("aws.webIdentityTokenFile", tokenFile.toString());
    set("aws.roleArn", IRSA_ROLE);
    set("aws.roleSessionName", "imps-it");
    set("aws.region", "eu-west-1");
    set("aws.endpointUrlSts", moto.endpoint().toString());
  }

  private static void set(String key, String value) {
    PROPERTIES_SET.put(key, System.getProperty(key));
    System.setProperty(key, value);
  }

  @AfterAll
  static void stopPretending() throws IOException {
    PROPERTIES_SET.forEach(
        (key, old) -> {
          if (old == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, old);
          }
        });
    Files.deleteIfExists(tokenFile);
    moto.close();
  }

  @BeforeEach
  void resetMoto() {
    moto.reset();
  }

  private RegistryCredential provide(String... keysAndValues) throws CredentialException {
    try (AwsClients clients = EcrCredentialProviderIT.motoClients(moto.endpoint())) {
      EcrCredentialProvider provider =
          EcrCredentialProvider.create(EcrTokenCache.create(MovableClock.atRealNow()), clients);
      List<RegistryCredential> credentials =
          provider.provide(Secrets.ecr("a/ecr", keysAndValues)).credentials();
      assertThat(credentials).hasSize(1);
      return credentials.get(0);
    }
  }

  @Test
  void withoutKeysTheWebIdentityRoleOfThePodIsUsed() throws CredentialException {
    RegistryCredential login = provide("region", "eu-west-1");

    assertThat(login.password()).contains("345678901234-auth-token");
    assertThat(login.registry().spelled())
        .isEqualTo("345678901234.dkr.ecr.eu-west-1.amazonaws.com");
    assertThat(moto.calls())
        .containsEntry("AssumeRoleWithWebIdentity", 1)
        .containsEntry("GetAuthorizationToken", 1);
  }

  @Test
  void aRoleArnIsAssumedOnTopOfTheWebIdentity() throws CredentialException {
    RegistryCredential login =
        provide(
            "region", "eu-west-1",
            "accountID", "456789012345",
            "roleArn", "arn:aws:iam::456789012345:role/cross-account-puller");

    assertThat(login.password()).contains("456789012345-auth-token");
    assertThat(moto.calls())
        .containsEntry("AssumeRoleWithWebIdentity", 1)
        .containsEntry("AssumeRole", 1)
        .containsEntry("GetAuthorizationToken", 1);
  }
}
