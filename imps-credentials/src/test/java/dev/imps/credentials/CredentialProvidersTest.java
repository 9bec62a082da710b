package dev.imps.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.ecr.AwsClients;
import dev.imps.credentials.ecr.EcrCredentialProvider;
import dev.imps.credentials.ecr.EcrTokenCache;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialProvidersTest {

  @Test
  void unknownSecretTypesNameTheSourceTheTypeAndWhatIsKnown() {
    try (AwsClients clients = AwsClients.create()) {
      CredentialProviders providers =
          CredentialProviders.of(
              new StaticCredentialProvider(),
              EcrCredentialProvider.create(EcrTokenCache.create(), clients));
      SourceSecret opaque = SourceSecret.of("apps/creds", "Opaque", Map.of());

      assertThatThrownBy(() -> providers.provide(opaque))
          .isExactlyInstanceOf(CredentialException.class)
          .hasMessage(
              "source 'apps/creds': unknown secret type 'Opaque'; expected one of"
                  + " banzaicloud.io/aws-ecr-login-config, kubernetes.io/dockercfg,"
                  + " kubernetes.io/dockerconfigjson");
    }
  }

  @Test
  void aSecretTypeBelongsToOneProvider() {
    assertThatThrownBy(
            () ->
                CredentialProviders.of(
                    new StaticCredentialProvider(), new StaticCredentialProvider()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("secret type kubernetes.io/");
    assertThat(CredentialProviders.of(new StaticCredentialProvider()).secretTypes())
        .containsExactly(SecretFormats.TYPE_DOCKERCFG, SecretFormats.TYPE_DOCKER_CONFIG_JSON);
  }
}
