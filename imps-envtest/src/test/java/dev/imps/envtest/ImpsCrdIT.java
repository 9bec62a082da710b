package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.util.PatchUtils;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The imps CRD from imps-api, installed in a real API server: what it accepts and rejects. */
@EnableKubeControlPlane
class ImpsCrdIT {

  private static final String GROUP = "images.banzaicloud.io";
  private static final String VERSION = "v1alpha1";
  private static final String PLURAL = "imagepullsecrets";
  private static final String EXAMPLES = "dev/imps/envtest/examples/";
  private static final String EXPRESSION = "spec.target.namespaces.labels[0].matchExpressions[0]";

  private static CustomObjectsApi customObjects;

  @BeforeAll
  static void clients(KubeControlPlane kube) {
    customObjects = new CustomObjectsApi(kube.adminClient());
  }

  @Test
  void the_crd_from_imps_api_is_established_cluster_scoped_with_short_name_imps(
      KubeControlPlane kube) throws ApiException {
    V1CustomResourceDefinition crd =
        new ApiextensionsV1Api(kube.adminClient())
            .readCustomResourceDefinition(PLURAL + "." + GROUP)
            .execute();

    assertThat(crd.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Established");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("imps");
  }

  @ParameterizedTest(name = "the IMPS documentation example {0} is accepted unchanged")
  @ValueSource(strings = {"istio-annotation.yaml", "namespace-names.yaml", "rule-evaluation.yaml"})
  void the_imps_documentation_examples_are_accepted_without_losing_a_field(String example)
      throws ApiException {
    Manifest manifest = Manifest.fromResource(EXAMPLES + example);
    String name = Namespaces.uniqueName("example");
    manifest.set("metadata.name", name);

    customObjects.createClusterCustomObject(GROUP, VERSION, PLURAL, manifest.tree()).execute();

    // Fields the schema does not know would be pruned silently; equality shows none were.
    Manifest stored =
        Manifest.fromYaml(
            JSON.serialize(
                customObjects.getClusterCustomObject(GROUP, VERSION, PLURAL, name).execute()));
    assertThat(stored.get("spec")).isEqualTo(manifest.get("spec"));
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        invalid(
            "a target secret without a name",
            m -> m.remove("spec.target.secret.name"),
            "spec.target.secret.name",
            "Required value"),
        invalid(
            "a target secret name that is not a DNS subdomain",
            m -> m.set("spec.target.secret.name", "Istio_Pull_Secret"),
            "spec.target.secret.name",
            "should match"),
        invalid(
            "an unknown operator",
            m -> m.set(EXPRESSION + ".operator", "Matches"),
            EXPRESSION + ".operator",
            "Unsupported value: \"Matches\""),
        invalid(
            "operator In without values",
            m -> m.set(EXPRESSION + ".operator", "In"),
            EXPRESSION + ".values",
            "values must be non-empty when operator is In or NotIn"),
        invalid(
            "operator NotIn with an empty values list",
            m -> m.set(EXPRESSION + ".operator", "NotIn").set(EXPRESSION + ".values", List.of()),
            EXPRESSION + ".values",
            "values must be non-empty when operator is In or NotIn"),
        invalid(
            "operator Exists with values",
            m -> m.set(EXPRESSION + ".values", List.of("1-24")),
            EXPRESSION + ".values",
            "values must be empty when operator is Exists or DoesNotExist"),
        invalid(
            "no registry credentials",
            m -> m.set("spec.registry.credentials", List.of()),
            "spec.registry.credentials",
            "should have at least 1 items"),
        invalid(
            "a credential name with upper case, as in the README's 999653XXXXX placeholder",
            m ->
                m.set(
                    "spec.registry.credentials[0].name",
                    "registry--999653XXXXX.dkr.ecr.eu-central-1.amazonaws.com-pull-secret-5e3481fc"),
            "spec.registry.credentials[0].name",
            "should match"),
        invalid(
            "a credential without a namespace",
            m -> m.remove("spec.registry.credentials[0].namespace"),
            "spec.registry.credentials[0].namespace",
            "Required value"),
        invalid(
            "a namespace name that is not a DNS label",
            m -> m.set("spec.target.namespaces.names[1]", "Backyards.System"),
            "spec.target.namespaces.names[1]",
            "should match"),
        invalid("no target", m -> m.remove("spec.target"), "spec.target", "Required value"));
  }

  private static Arguments invalid(
      String description, UnaryOperator<Manifest> breakIt, String field, String complaint) {
    return Arguments.of(description, breakIt, field, complaint);
  }

  @ParameterizedTest(name = "{0} is rejected with a message naming {2}")
  @MethodSource("invalidSpecs")
  void the_api_server_rejects_an_invalid_spec_naming_the_field(
      String description, UnaryOperator<Manifest> breakIt, String field, String complaint) {
    Manifest manifest = breakIt.apply(Manifest.fromResource(EXAMPLES + "rule-evaluation.yaml"));
    String name = Namespaces.uniqueName("invalid");
    manifest.set("metadata.name", name);

    assertThatThrownBy(
            () ->
                customObjects
                    .createClusterCustomObject(GROUP, VERSION, PLURAL, manifest.tree())
                    .execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              JsonObject status = JsonParser.parseString(e.getResponseBody()).getAsJsonObject();
              assertThat(status.get("message").getAsString())
                  .contains("ImagePullSecret.images.banzaicloud.io \"" + name + "\" is invalid")
                  .contains(field + ": ")
                  .contains(complaint);
              assertThat(status.getAsJsonObject("details").getAsJsonArray("causes"))
                  .anySatisfy(
                      cause -> {
                        assertThat(cause.getAsJsonObject().get("field").getAsString())
                            .isEqualTo(field);
                        assertThat(cause.getAsJsonObject().get("message").getAsString())
                            .contains(complaint);
                      });
            });
  }

  @Test
  void kubectl_get_imps_shows_ready_and_a_namespace_count_and_wide_adds_the_list_and_reason(
      KubeControlPlane kube) throws ApiException {
    Manifest manifest = Manifest.fromResource(EXAMPLES + "namespace-names.yaml");
    String name = Namespaces.uniqueName("columns");
    manifest.set("metadata.name", name);
    customObjects.createClusterCustomObject(GROUP, VERSION, PLURAL, manifest.tree()).execute();
    Map<String, Object> status =
        Map.of(
            "status",
            Map.of(
                "status",
                "Failed",
                "lastSuccessfulReconciliation",
                "2021-10-25T11:39:18Z",
                "validitySeconds",
                43161,
                "managedNamespaces",
                List.of("default", "apps"),
                "namespaceCount",
                2,
                "conditions",
                List.of(
                    Map.of(
                        "type", "Ready",
                        "status", "False",
                        "reason", "SecretConflict",
                        "message", "secret istio-pull-secret blocked in 1 namespace",
                        "lastTransitionTime", "2021-10-25T11:39:18Z"))));
    PatchUtils.patch(
        Object.class,
        () ->
            customObjects
                .patchClusterCustomObjectStatus(
                    GROUP, VERSION, PLURAL, name, new V1Patch(JSON.serialize(status)))
                .buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        kube.adminClient());

    List<String> lines = kube.kubectl("get", "imps", name).lines().toList();
    List<String> wide = kube.kubectl("get", "imps", name, "-o", "wide").lines().toList();

    assertThat(lines).hasSize(2);
    assertThat(columns(lines.get(0)))
        .containsExactly(
            "NAME",
            "STATE",
            "RECONCILED",
            "VALIDITY SECONDS",
            "SECRET NAME",
            "READY",
            "NAMESPACES");
    List<String> row = columns(lines.get(1));
    assertThat(row).hasSize(7);
    assertThat(row.get(0)).isEqualTo(name);
    assertThat(row.get(1)).isEqualTo("Failed");
    assertThat(row.get(2)).matches("\\d+[smhdy].*"); // an age, like 4y33d
    assertThat(row.subList(3, 7)).containsExactly("43161", "istio-pull-secret", "False", "2");
    assertThat(columns(wide.get(0))).endsWith("READY", "NAMESPACES", "NAMESPACE LIST", "REASON");
    assertThat(columns(wide.get(1)))
        .endsWith("False", "2", "[\"default\",\"apps\"]", "SecretConflict");
  }

  /** kubectl separates table columns by at least two spaces (column titles contain single ones). */
  private static List<String> columns(String line) {
    return Arrays.asList(line.strip().split(" {2,}"));
  }
}
