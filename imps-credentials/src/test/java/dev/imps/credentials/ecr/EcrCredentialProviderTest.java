package dev.imps.credentials.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.testing.Secrets;
import dev.imps.testsupport.time.MovableClock;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** What the ECR provider does before any AWS call can succeed; no server is reached. */
class EcrCredentialProviderTest {

  @Test
  void readsOnlyTheImpsEcrSecretType() {
    try (AwsClients clients = AwsClients.create()) {
      assertThat(EcrCredentialProvider.create(EcrTokenCache.create(), clients).secretTypes())
          .containsExactly(SecretFormats.TYPE_ECR_LOGIN_CONFIG);
    }
  }

  @Test
  void withoutKeysAndWithoutAnyAmbientCredentialsTheErrorSaysSoInOneLine() {
    // The build removes AWS_* variables and disables instance metadata for tests, so the default
    // chain finds nothing and fails before any request; the endpoint is never dialled.
    try (AwsClients clients =
        AwsClients.builder().ecrEndpoint(URI.create("http://127.0.0.1:9")).build()) {
      EcrCredentialProvider provider =
          EcrCredentialProvider.create(EcrTokenCache.create(MovableClock.atRealNow()), clients);

      assertThatThrownBy(() -> provider.provide(Secrets.ecr("a/ecr", "region", "eu-west-1")))
          .isExactlyInstanceOf(CredentialException.class)
          .hasMessage(
              "source 'a/ecr': ECR GetAuthorizationToken in eu-west-1 failed: no AWS credentials:"
                  + " the secret has no 'accessKeyID'/'secretKey' and the AWS default credential"
                  + " chain (web identity, pod identity, environment, profile, instance profile)"
                  + " found none");
    }
  }
}
