package dev.imps.credentials.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;

/** The HTTP client is made on first use, not with the clients. */
class AwsClientsTest {

  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  @Test
  void no_http_client_is_made_before_an_ecr_or_sts_client_is_asked_for() {
    try (AwsClients clients = AwsClients.builder().ecrEndpoint(NOWHERE).build()) {
      assertThat(clients.httpClientMade()).isFalse();

      try (EcrClient ecr = clients.ecr("eu-west-1", AnonymousCredentialsProvider.create())) {
        assertThat(ecr).isNotNull();
      }

      assertThat(clients.httpClientMade()).isTrue();
    }
  }

  @Test
  void clients_never_used_close_without_making_anything() {
    AwsClients clients = AwsClients.create();

    assertThatCode(clients::close).doesNotThrowAnyException();
    assertThat(clients.httpClientMade()).isFalse();
  }
}
