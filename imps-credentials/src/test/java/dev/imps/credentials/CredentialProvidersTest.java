package dev.imps.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.ecr.AwsClients;
import dev.imps.credentials.ecr.EcrCredentialProvider;
import dev.imps.credentials.ecr.EcrTokenCache;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  static Stream<Arguments> opaqueSecrets() {
    return Stream.of(
        arguments("Opaque", List.of("region", "accessKeyID", "secretKey"), true),
        arguments("Opaque", List.of("region", "accountID"), true),
        arguments("Opaque", List.of("region", "roleArn", "note"), true),
        arguments("Opaque", List.of("region"), false),
        arguments("Opaque", List.of("accessKeyID", "secretKey"), false),
        arguments("Opaque", List.of("region", "accountID", ".dockerconfigjson"), false),
        arguments("example.com/other", List.of("region", "accountID"), false));
  }

  @ParameterizedTest(name = "a {0} secret with keys {1} is read as an ECR login config: {2}")
  @MethodSource("opaqueSecrets")
  void anOpaqueSecretWithTheEcrKeysIsReadAsAnEcrLoginConfigWithANote(
      String type, List<String> keys, boolean ecr) throws CredentialException {
    RegistryCredential minted =
        RegistryCredential.builder("1.dkr.ecr.eu-west-1.amazonaws.com")
            .username("AWS")
            .password("token")
            .build();
    CredentialProvider fakeEcr =
        new CredentialProvider() {
          @Override
          public Set<String> secretTypes() {
            return Set.of(SecretFormats.TYPE_ECR_LOGIN_CONFIG);
          }

          @Override
          public ProvidedCredentials provide(SourceSecret secret) {
            return ProvidedCredentials.of(List.of(minted), List.of("from the ECR provider"));
          }
        };
    CredentialProviders providers = CredentialProviders.of(new StaticCredentialProvider(), fakeEcr);
    Map<String, byte[]> data = new LinkedHashMap<>();
    keys.forEach(k -> data.put(k, "x".getBytes(StandardCharsets.UTF_8)));
    SourceSecret secret = SourceSecret.of("apps/ecr", type, data);

    assertThat(CredentialProviders.isOpaqueEcrSecret(secret)).isEqualTo(ecr);
    if (ecr) {
      ProvidedCredentials provided = providers.provide(secret);
      assertThat(provided.credentials()).containsExactly(minted);
      assertThat(provided.warnings())
          .containsExactly(
              "from the ECR provider",
              "secret type is Opaque but its keys are those of an ECR login config, so it is read"
                  + " as one; set type banzaicloud.io/aws-ecr-login-config to say so");
    } else {
      assertThatThrownBy(() -> providers.provide(secret))
          .isExactlyInstanceOf(CredentialException.class)
          .hasMessageContaining("unknown secret type");
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
