package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The offline check of the CRD's rules against a real API server with imps's CRD: for every spec of
 * the table, {@code imps plan}'s verdict (accepted or not, and the fields it names) equals the API
 * server's on a dry-run create with {@code Strict} field validation, as {@code kubectl apply} does.
 */
@EnableKubeControlPlane
class CrdSchemaParityIT {

  static final String SOURCE = "registry: {credentials: [{name: s, namespace: apps}]}\n";
  static final String EXPRESSION = "target: {secret: {name: p}, namespaces: {labels: [";
  static final String EMOJI = "\uD83D\uDE00";

  static CustomObjectsApi api;

  @BeforeAll
  static void client(KubeControlPlane kube) {
    api = new CustomObjectsApi(kube.adminClient());
  }

  static Stream<Arguments> specs() {
    return Stream.of(
        row("a minimal spec", SOURCE + "target: {secret: {name: pull}}"),
        row(
            "every selector kind, values as each operator wants",
            SOURCE
                + "target:\n  secret: {name: pull}\n  namespaces:\n    names: [a, b-c]\n"
                + "    labels: [{matchLabels: {a: b}, matchExpressions: [{key: k, operator: In,"
                + " values: [x]}, {key: k, operator: DoesNotExist}]}]\n"
                + "    annotations: [{matchAnnotations: {a: b}}]\n"
                + "  namespacesWithPods:\n    labels: [{matchExpressions: [{key: k, operator:"
                + " NotIn, values: [y]}]}]\n"
                + "    annotations: [{matchExpressions: [{key: k, operator: Exists}]}]\n"
                + "  serviceAccounts: {names: [default]}"),
        row(
            "a name of exactly 253 characters",
            SOURCE + "target: {secret: {name: " + "a".repeat(253) + "}}"),
        row(
            "a name of 254 characters",
            SOURCE + "target: {secret: {name: " + "a".repeat(254) + "}}"),
        row("a name in upper case", SOURCE + "target: {secret: {name: Pull}}"),
        row(
            "63 code points of 2 UTF-16 units in a value",
            SOURCE
                + EXPRESSION
                + "{matchExpressions: [{key: k, operator: In, values: ['"
                + EMOJI.repeat(63)
                + "']}]}]}}"),
        row(
            "64 code points in a value",
            SOURCE
                + EXPRESSION
                + "{matchExpressions: [{key: k, operator: In, values: ['"
                + EMOJI.repeat(64)
                + "']}]}]}}"),
        row(
            "an operator outside the enum",
            SOURCE + EXPRESSION + "{matchExpressions: [{key: k, operator: Sometimes}]}]}}"),
        row(
            "In without values",
            SOURCE + EXPRESSION + "{matchExpressions: [{key: k, operator: In}]}]}}"),
        row(
            "NotIn with an empty list",
            SOURCE + EXPRESSION + "{matchExpressions: [{key: k, operator: NotIn, values: []}]}]}}"),
        row(
            "Exists with values",
            SOURCE
                + EXPRESSION
                + "{matchExpressions: [{key: k, operator: Exists, values: [a]}]}]}}"),
        row(
            "an enum error keeps CEL rules elsewhere from running",
            SOURCE
                + EXPRESSION
                + "{matchExpressions: [{key: k, operator: Sometimes}, {key: k, operator: In}]}]}}"),
        row(
            "a missing required field and a CEL failure together",
            "registry: {credentials: [{name: s}]}\n"
                + EXPRESSION
                + "{matchExpressions: [{key: k, operator: In}]}]}}"),
        row(
            "a key over maxLength keeps CEL rules from running",
            SOURCE
                + EXPRESSION
                + "{matchExpressions: [{key: "
                + "k".repeat(318)
                + ", operator: In}]}]}}"),
        row(
            "a pattern error does not keep CEL rules from running",
            SOURCE
                + "target: {secret: {name: Pull}, namespaces: {labels: [{matchExpressions:"
                + " [{key: k, operator: In}]}]}}"),
        row("no credentials", "registry: {credentials: []}\ntarget: {secret: {name: p}}"),
        row(
            "a credential without a namespace",
            "registry: {credentials: [{name: s}]}\ntarget: {secret: {name: p}}"),
        row(
            "an empty key",
            SOURCE + EXPRESSION + "{matchExpressions: [{key: '', operator: Exists}]}]}}"),
        row(
            "129 annotation selectors",
            SOURCE
                + "target: {secret: {name: p}, namespaces: {annotations: ["
                + Stream.generate(() -> "{matchAnnotations: {a: b}}")
                    .limit(129)
                    .collect(Collectors.joining(", "))
                + "]}}"),
        row(
            "names given as a string",
            SOURCE + "target: {secret: {name: p}, namespaces: {names: a}}"),
        row("a misspelt field", SOURCE + "target: {secret: {name: p}, namespaces: {name: [a]}}"));
  }

  static Arguments row(String name, String spec) {
    return Arguments.of(name, spec);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void the_offline_verdict_is_the_api_servers(String name, String spec) throws Exception {
    Map<?, ?> tree = new Yaml().load(spec);
    Set<String> offline =
        CrdSchemaCheck.violations(tree, "spec").stream()
            .map(CrdSchemaCheck.Violation::path)
            .collect(Collectors.toCollection(TreeSet::new));

    Verdict server = create(tree);

    assertThat(server.accepted())
        .as("accepted by the API server: %s", server)
        .isEqualTo(offline.isEmpty());
    if (!server.fields().isEmpty()) {
      assertThat(offline)
          .as("fields named offline, API server said %s", server)
          .isEqualTo(server.fields());
    } else if (!server.accepted()) {
      // Strict field validation answers 400 with the unknown fields in the message.
      offline.forEach(field -> assertThat(server.message()).contains(field));
    }
  }

  record Verdict(boolean accepted, Set<String> fields, String message) {}

  static Verdict create(Map<?, ?> spec) {
    Map<String, Object> object =
        Map.of(
            "apiVersion",
            "images.banzaicloud.io/v1alpha1",
            "kind",
            "ImagePullSecret",
            "metadata",
            Map.of("name", "parity"),
            "spec",
            spec);
    try {
      api.createClusterCustomObject("images.banzaicloud.io", "v1alpha1", "imagepullsecrets", object)
          .dryRun("All")
          .fieldValidation("Strict")
          .execute();
      return new Verdict(true, Set.of(), "");
    } catch (ApiException e) {
      JsonObject status = JsonParser.parseString(e.getResponseBody()).getAsJsonObject();
      Set<String> fields = new TreeSet<>();
      JsonObject details = status.getAsJsonObject("details");
      if (details != null && details.has("causes")) {
        for (JsonElement cause : details.getAsJsonArray("causes")) {
          JsonElement field = cause.getAsJsonObject().get("field");
          // A cause without a field is the server's note that CEL rules were skipped.
          if (field != null
              && !field.getAsString().isEmpty()
              && !"<nil>".equals(field.getAsString())) {
            fields.add(field.getAsString());
          }
        }
      }
      return new Verdict(false, fields, e.getCode() + " " + status.get("message").getAsString());
    }
  }
}
