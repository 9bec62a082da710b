package dev.imps.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CRD YAML is the one source of truth: these tests tie it to the model and to IMPS. */
class CrdSchemaTest {

  private static final JsonObject CRD =
      YamlTestResources.parse(CrdResource.yaml()).getAsJsonObject();
  private static final JsonObject VERSION =
      CRD.getAsJsonObject("spec").getAsJsonArray("versions").get(0).getAsJsonObject();
  private static final JsonObject SCHEMA =
      VERSION.getAsJsonObject("schema").getAsJsonObject("openAPIV3Schema");

  @Test
  void theModelAndTheSchemaHaveTheSameFieldsWithTheSameTypes() {
    assertThat(SchemaDrift.between(ImagePullSecret.class, SCHEMA, "$")).isEmpty();
  }

  @Test
  void theCrdIsTheClusterScopedImpsResourceWithOneStoredVersionAndAStatusSubresource() {
    JsonObject spec = CRD.getAsJsonObject("spec");
    JsonObject names = spec.getAsJsonObject("names");

    assertThat(CRD.get("apiVersion").getAsString()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(CRD.getAsJsonObject("metadata").get("name").getAsString())
        .isEqualTo(ApiConstants.CRD_NAME);
    assertThat(spec.get("group").getAsString()).isEqualTo(ApiConstants.GROUP);
    assertThat(spec.get("scope").getAsString()).isEqualTo("Cluster");
    assertThat(names.get("kind").getAsString()).isEqualTo(ApiConstants.KIND);
    assertThat(names.get("listKind").getAsString()).isEqualTo(ApiConstants.LIST_KIND);
    assertThat(names.get("plural").getAsString()).isEqualTo(ApiConstants.PLURAL);
    assertThat(names.get("singular").getAsString()).isEqualTo(ApiConstants.SINGULAR);
    assertThat(strings(names.getAsJsonArray("shortNames")))
        .containsExactly(ApiConstants.SHORT_NAME);
    assertThat(spec.getAsJsonArray("versions")).hasSize(1);
    assertThat(VERSION.get("name").getAsString()).isEqualTo(ApiConstants.VERSION);
    assertThat(VERSION.get("served").getAsBoolean()).isTrue();
    assertThat(VERSION.get("storage").getAsBoolean()).isTrue();
    assertThat(VERSION.getAsJsonObject("subresources").getAsJsonObject("status").keySet())
        .isEmpty();
  }

  @Test
  void thePrinterColumnsAreThoseOfImpsWithReadyACountAndTheListAndReasonInWideOutput() {
    List<List<String>> columns = new ArrayList<>();
    for (JsonElement column : VERSION.getAsJsonArray("additionalPrinterColumns")) {
      JsonObject c = column.getAsJsonObject();
      columns.add(
          List.of(
              c.get("name").getAsString(),
              c.get("type").getAsString(),
              c.has("priority") ? c.get("priority").getAsString() : "0",
              c.get("jsonPath").getAsString()));
    }

    assertThat(columns)
        .containsExactly(
            List.of("State", "string", "0", ".status.status"),
            List.of("Reconciled", "date", "0", ".status.lastSuccessfulReconciliation"),
            List.of("Validity seconds", "integer", "0", ".status.validitySeconds"),
            List.of("Secret Name", "string", "0", ".spec.target.secret.name"),
            List.of("Ready", "string", "0", READY + ".status"),
            List.of("Namespaces", "integer", "0", ".status.namespaceCount"),
            List.of("Namespace List", "string", "1", ".status.managedNamespaces"),
            List.of("Reason", "string", "1", READY + ".reason"));
  }

  static final String READY = ".status.conditions[?(@.type==\"Ready\")]";

  @Test
  void everyPrinterColumnPointsAtAFieldOfTheSchema() {
    for (JsonElement column : VERSION.getAsJsonArray("additionalPrinterColumns")) {
      String jsonPath = column.getAsJsonObject().get("jsonPath").getAsString();
      // A filter selects list items: its field is in the items' schema.
      String steps = jsonPath.replaceAll("\\[\\?\\(.*?\\)\\]", ".[]");

      assertThat(schemaAt(steps.substring(1).split("\\.")))
          .as("schema of %s", jsonPath)
          .isNotNull();
    }
  }

  @Test
  void theStatusValuesAreThoseOfImps() {
    assertThat(strings(schemaAt("status", "status").getAsJsonArray("enum")))
        .containsExactly("Ready", "Failed")
        .containsExactlyElementsOf(
            Arrays.stream(ReconciliationStatus.values()).map(ReconciliationStatus::value).toList());
  }

  static Stream<Arguments> requiredFields() {
    return Stream.of(
        Arguments.of(new String[] {}, List.of("spec")),
        Arguments.of(new String[] {"spec"}, List.of("registry", "target")),
        Arguments.of(new String[] {"spec", "registry"}, List.of("credentials")),
        Arguments.of(
            new String[] {"spec", "registry", "credentials", "[]"}, List.of("name", "namespace")),
        Arguments.of(new String[] {"spec", "target"}, List.of("secret")),
        Arguments.of(new String[] {"spec", "target", "secret"}, List.of("name")));
  }

  @ParameterizedTest(name = "{0} requires {1}")
  @MethodSource("requiredFields")
  void whatEveryImagePullSecretNeedsIsRequired(String[] path, List<String> required) {
    assertThat(strings(schemaAt(path).getAsJsonArray("required"))).isEqualTo(required);
  }

  @Test
  void credentialsNeedAtLeastOneEntry() {
    assertThat(schemaAt("spec", "registry", "credentials").get("minItems").getAsInt()).isOne();
  }

  static Stream<Arguments> names() {
    String dns1123Subdomain = "spec.target.secret.name";
    String dns1123Label = "spec.target.namespaces.names[]";
    return Stream.of(
        Arguments.of(dns1123Subdomain, "istio-pull-secret", true),
        Arguments.of(
            dns1123Subdomain, "registry--https-index.docker.io-v1-pull-secret-5cbe024b", true),
        Arguments.of(dns1123Subdomain, "0", true),
        Arguments.of(dns1123Subdomain, "Istio-Pull-Secret", false),
        Arguments.of(dns1123Subdomain, "pull_secret", false),
        Arguments.of(dns1123Subdomain, "-pull-secret", false),
        Arguments.of(dns1123Subdomain, "pull-secret.", false),
        Arguments.of(dns1123Subdomain, "pull..secret", false),
        Arguments.of(dns1123Subdomain, "", false),
        Arguments.of(dns1123Subdomain, "a".repeat(253), true),
        Arguments.of(dns1123Subdomain, "a".repeat(254), false),
        Arguments.of(dns1123Label, "istio-system", true),
        Arguments.of(dns1123Label, "istio.system", false),
        Arguments.of(dns1123Label, "Istio-System", false),
        Arguments.of(dns1123Label, "a".repeat(63), true),
        Arguments.of(dns1123Label, "a".repeat(64), false));
  }

  @ParameterizedTest(name = "{0} = \"{1}\" is accepted: {2}")
  @MethodSource("names")
  void namesMustBeDns1123SubdomainsOrLabels(String field, String value, boolean accepted) {
    JsonObject schema = schemaAt(field.replace("[]", ".[]").split("\\."));
    boolean matches =
        Pattern.compile(schema.get("pattern").getAsString()).matcher(value).find()
            && value.length() <= schema.get("maxLength").getAsInt();

    assertThat(matches).isEqualTo(accepted);
  }

  static Stream<Arguments> requirementSchemas() {
    return Stream.of(
        Arguments.of("spec.target.namespaces.labels"),
        Arguments.of("spec.target.namespaces.annotations"),
        Arguments.of("spec.target.namespacesWithPods.labels"),
        Arguments.of("spec.target.namespacesWithPods.annotations"));
  }

  @ParameterizedTest(name = "{0}[].matchExpressions[] allows only the four operators")
  @MethodSource("requirementSchemas")
  void everyRequirementAllowsOnlyTheFourOperators(String selectors) {
    JsonObject requirement = requirementAt(selectors);

    assertThat(strings(requirement.getAsJsonArray("required"))).containsExactly("key", "operator");
    assertThat(
            strings(
                requirement
                    .getAsJsonObject("properties")
                    .getAsJsonObject("operator")
                    .getAsJsonArray("enum")))
        .containsExactly("In", "NotIn", "Exists", "DoesNotExist");
  }

  @ParameterizedTest(name = "{0}[].matchExpressions[] checks values against the operator")
  @MethodSource("requirementSchemas")
  void everyRequirementChecksItsValuesAgainstItsOperator(String selectors) {
    List<Map<String, String>> rules = new ArrayList<>();
    for (JsonElement rule : requirementAt(selectors).getAsJsonArray("x-kubernetes-validations")) {
      JsonObject r = rule.getAsJsonObject();
      rules.add(
          Map.of("rule", r.get("rule").getAsString(), "message", r.get("message").getAsString()));
    }

    assertThat(rules)
        .containsExactly(
            Map.of(
                "rule",
                "!(self.operator in ['In', 'NotIn']) || (has(self.values) && size(self.values) > 0)",
                "message",
                "values must be non-empty when operator is In or NotIn"),
            Map.of(
                "rule",
                "!(self.operator in ['Exists', 'DoesNotExist']) || !has(self.values) ||"
                    + " size(self.values) == 0",
                "message",
                "values must be empty when operator is Exists or DoesNotExist"));
  }

  @Test
  void everyCelRuleHasBoundedCostBecauseEveryEnclosingArrayHasMaxItems() {
    List<String> unbounded = new ArrayList<>();
    findUnboundedRules(SCHEMA, "$", false, unbounded);

    assertThat(unbounded).isEmpty();
  }

  @Test
  void theUnboundedRuleFinderReportsACelRuleUnderAnArrayWithoutMaxItems() {
    JsonObject schema =
        YamlTestResources.parse(
                """
                type: array
                items:
                  type: object
                  x-kubernetes-validations:
                  - rule: self.a == 'b'
                """)
            .getAsJsonObject();
    List<String> unbounded = new ArrayList<>();
    findUnboundedRules(schema, "$", false, unbounded);

    assertThat(unbounded).containsExactly("$[]");
  }

  /** Lists schemas with CEL rules below an array without maxItems (unbounded estimated cost). */
  private static void findUnboundedRules(
      JsonObject schema, String path, boolean underUnboundedArray, List<String> found) {
    if (schema.has("x-kubernetes-validations") && underUnboundedArray) {
      found.add(path);
    }
    if (schema.has("items")) {
      findUnboundedRules(
          schema.getAsJsonObject("items"),
          path + "[]",
          underUnboundedArray || !schema.has("maxItems"),
          found);
    }
    if (schema.has("properties")) {
      for (Map.Entry<String, JsonElement> property :
          schema.getAsJsonObject("properties").entrySet()) {
        findUnboundedRules(
            property.getValue().getAsJsonObject(),
            path + "." + property.getKey(),
            underUnboundedArray,
            found);
      }
    }
  }

  private static JsonObject requirementAt(String selectors) {
    return schemaAt((selectors + ".[].matchExpressions.[]").split("\\."));
  }

  /** The schema at a path of property names, {@code []} stepping into array items. */
  private static JsonObject schemaAt(String... path) {
    JsonObject schema = SCHEMA;
    for (String step : path) {
      if (schema == null) {
        return null;
      }
      if (step.equals("[]")) {
        schema = schema.getAsJsonObject("items");
      } else {
        JsonObject properties = schema.getAsJsonObject("properties");
        schema = properties == null ? null : properties.getAsJsonObject(step);
      }
    }
    return schema;
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    array.forEach(element -> strings.add(element.getAsString()));
    return strings;
  }
}
