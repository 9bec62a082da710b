package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiErrorsTest {

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of(
            409,
            "{\"kind\":\"Status\",\"message\":\"secrets \\\"x\\\" already exists\"}",
            "HTTP 409: secrets \"x\" already exists"),
        Arguments.of(500, "", "HTTP 500"),
        Arguments.of(502, "<html>bad gateway with a token=abc</html>", "HTTP 502"),
        Arguments.of(422, "{\"data\":{\".dockerconfigjson\":\"c2VjcmV0\"}}", "HTTP 422"));
  }

  @ParameterizedTest(name = "HTTP {0} with body {1} is described as \"{2}\"")
  @MethodSource("bodies")
  void only_the_status_message_of_an_answer_is_quoted(int code, String body, String described) {
    ApiException error =
        new ApiException(code, Map.of("Authorization", List.of("Bearer abc")), body);

    assertThat(ApiErrors.describe(error)).isEqualTo(described);
  }

  @Test
  void a_long_status_message_is_cut() {
    String message = "x".repeat(1000);
    ApiException error =
        new ApiException(422, Map.of(), "{\"kind\":\"Status\",\"message\":\"" + message + "\"}");

    assertThat(ApiErrors.describe(error)).hasSize("HTTP 422: ".length() + 300);
  }

  @Test
  void namespace_termination_is_recognised_by_cause_or_message() {
    assertThat(
            ApiErrors.isNamespaceTerminating(
                new ApiException(
                    403,
                    Map.of(),
                    "{\"details\":{\"causes\":[{\"reason\":\"NamespaceTerminating\"}]}}")))
        .isTrue();
    assertThat(
            ApiErrors.isNamespaceTerminating(
                new ApiException(403, Map.of(), "{\"message\":\"forbidden by RBAC\"}")))
        .isFalse();
    assertThat(
            ApiErrors.isNamespaceTerminating(
                new ApiException(
                    409, Map.of(), "{\"message\":\"because it is being terminated\"}")))
        .isFalse();
  }
}
