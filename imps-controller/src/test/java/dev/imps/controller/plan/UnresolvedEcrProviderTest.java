package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.runtime.Reconcilers;
import dev.imps.credentials.CredentialException;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.ecr.EcrCredentialProvider;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnresolvedEcrProviderTest {

  static Stream<Arguments> hosts() {
    return Stream.of(
        Arguments.of(
            "eu-central-1", "123456789012", "123456789012.dkr.ecr.eu-central-1.amazonaws.com"),
        Arguments.of(
            "cn-north-1", "123456789012", "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn"),
        Arguments.of("us-east-1", null, "aws-account-id.dkr.ecr.us-east-1.amazonaws.com"));
  }

  @ParameterizedTest(name = "account {1} in {0} is registry {2}")
  @MethodSource("hosts")
  void the_registry_is_the_ecr_host_of_the_account_and_region(
      String region, String account, String host) throws Exception {
    ProvidedCredentials provided = new UnresolvedEcrProvider().provide(ecr(region, account));

    RegistryCredential credential = provided.credentials().get(0);
    assertThat(credential.registry().spelled()).isEqualTo(host);
    assertThat(credential.username()).contains(UnresolvedEcrProvider.USERNAME);
    assertThat(provided.warnings()).first().isEqualTo(UnresolvedEcrProvider.NOT_RESOLVED);
    assertThat(provided.warnings()).hasSize(account == null ? 2 : 1);
  }

  @Test
  void a_malformed_secret_fails_as_it_would_with_the_real_provider() {
    SourceSecret noRegion =
        SourceSecret.of("apps/ecr", SecretFormats.TYPE_ECR_LOGIN_CONFIG, Map.of());

    assertThatThrownBy(() -> new UnresolvedEcrProvider().provide(noRegion))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("missing key 'region'");
  }

  @Test
  void an_offline_plan_has_no_provider_that_calls_aws() throws Exception {
    try (PlanCredentials offline = PlanCredentials.offline()) {
      assertThat(offline.resolving()).isFalse();
      assertThat(offline.providers().providerFor(ecr("eu-west-1", null)))
          .isInstanceOf(UnresolvedEcrProvider.class);
    }
    Reconcilers reconcilers = Reconcilers.create(null, null);
    try (PlanCredentials resolving =
        PlanCredentials.resolving(reconcilers.providers(), reconcilers::close)) {
      assertThat(resolving.resolving()).isTrue();
      assertThat(resolving.providers().providerFor(ecr("eu-west-1", null)))
          .isInstanceOf(EcrCredentialProvider.class);
    }
  }

  private static SourceSecret ecr(String region, String account) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    data.put(SecretFormats.KEY_ECR_REGION, region.getBytes(StandardCharsets.UTF_8));
    data.put(
        SecretFormats.KEY_ECR_ACCESS_KEY_ID,
        "AKIAIOSFODNN7EXAMPLE".getBytes(StandardCharsets.UTF_8));
    data.put(SecretFormats.KEY_ECR_SECRET_KEY, "secret".getBytes(StandardCharsets.UTF_8));
    if (account != null) {
      data.put(SecretFormats.KEY_ECR_ACCOUNT_ID, account.getBytes(StandardCharsets.UTF_8));
    }
    return SourceSecret.of("apps/ecr", SecretFormats.TYPE_ECR_LOGIN_CONFIG, data);
  }
}
