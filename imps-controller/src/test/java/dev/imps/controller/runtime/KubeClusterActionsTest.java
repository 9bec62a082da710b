package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.reconcile.WriteResult;
import dev.imps.controller.reconcile.WriteResult.Outcome;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeClusterActionsTest {

  private static String status(int code, String reason, String message) {
    return "{\"kind\":\"Status\",\"code\":"
        + code
        + ",\"reason\":\""
        + reason
        + "\",\"message\":\""
        + message
        + "\"}";
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("create", 409, status(409, "AlreadyExists", "exists"), Outcome.ALREADY_EXISTS),
        Arguments.of("create", 409, status(409, "Conflict", "operation"), Outcome.CONFLICT),
        Arguments.of("patch", 409, status(409, "Conflict", "modified"), Outcome.CONFLICT),
        Arguments.of("delete", 409, status(409, "Conflict", "uid precondition"), Outcome.CONFLICT),
        Arguments.of("delete", 404, status(404, "NotFound", "gone"), Outcome.NOT_FOUND),
        Arguments.of("create", 404, status(404, "NotFound", "no namespace"), Outcome.NOT_FOUND),
        Arguments.of(
            "create",
            403,
            status(
                403,
                "Forbidden",
                "unable to create new content in namespace x because it is being terminated"),
            Outcome.NAMESPACE_TERMINATING),
        Arguments.of("create", 403, status(403, "Forbidden", "RBAC says no"), Outcome.FAILED),
        Arguments.of("patch", 422, status(422, "Invalid", "bad"), Outcome.FAILED),
        Arguments.of("patch", 500, "", Outcome.FAILED));
  }

  @ParameterizedTest(name = "{0} answered {1} is {3}")
  @MethodSource("answers")
  void api_answers_map_to_the_outcomes_the_reconciler_expects(
      String verb, int code, String body, Outcome outcome) {
    WriteResult result = KubeClusterActions.classify(verb, new ApiException(code, Map.of(), body));

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.message()).startsWith("HTTP " + code);
  }

  @Test
  void a_429_that_outlived_the_retries_fails_with_the_servers_retry_after() {
    WriteResult result =
        KubeClusterActions.classify(
            "patch",
            new ApiException(
                429, Map.of("Retry-After", List.of("7")), status(429, "TooManyRequests", "slow")));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(7)));
  }

  @Test
  void an_unreachable_api_server_is_named_without_the_exception_text() {
    WriteResult result =
        KubeClusterActions.classify(
            "create", new ApiException(new IOException("connect to 127.0.0.1:6443 refused")));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.message()).isEqualTo("cannot reach the API server (IOException)");
  }

  @Test
  void merge_patches_are_sent_with_explicit_nulls_so_keys_are_removed() {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("team", null);
    labels.put("app", "web");

    assertThat(KubeClusterActions.toJson(Map.of("metadata", Map.of("labels", labels))))
        .isEqualTo("{\"metadata\":{\"labels\":{\"team\":null,\"app\":\"web\"}}}");
  }
}
