package dev.imps.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.imps.api.ApiConstants;
import dev.imps.api.JsonTrees;
import dev.imps.api.YamlTestResources;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImagePullSecretJsonTest {

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("sidecar-annotation.yaml"),
        Arguments.of("names.yaml"),
        Arguments.of("combined.yaml"),
        Arguments.of("everything.yaml"));
  }

  @ParameterizedTest(name = "{0}: YAML -> model -> JSON keeps every field")
  @MethodSource("examples")
  void yamlToModelToJsonKeepsEveryField(String example) {
    JsonElement yaml = YamlTestResources.tree("dev/imps/api/examples/" + example);

    ImagePullSecret model = JSON.deserialize(yaml.toString(), ImagePullSecret.class);
    JsonElement json = JsonParser.parseString(JSON.serialize(model));

    assertThat(JsonTrees.normalized(json)).isEqualTo(JsonTrees.normalized(yaml));
  }

  @ParameterizedTest(name = "{0}: JSON -> model -> JSON -> model gives an equal model")
  @MethodSource("examples")
  void modelsSurviveTwoRoundTripsEqual(String example) {
    String yaml = YamlTestResources.tree("dev/imps/api/examples/" + example).toString();

    ImagePullSecret first = JSON.deserialize(yaml, ImagePullSecret.class);
    ImagePullSecret second = JSON.deserialize(JSON.serialize(first), ImagePullSecret.class);

    assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
  }

  @Test
  void aFieldTheModelDoesNotKnowIsLostSoTheRoundTripComparisonWouldNoticeAMissingField() {
    JsonObject yaml =
        YamlTestResources.tree("dev/imps/api/examples/names.yaml").getAsJsonObject().deepCopy();
    yaml.getAsJsonObject("spec").getAsJsonObject("target").addProperty("notInTheModel", "x");

    ImagePullSecret model = JSON.deserialize(yaml.toString(), ImagePullSecret.class);

    assertThat(JsonTrees.normalized(JsonParser.parseString(JSON.serialize(model))))
        .isNotEqualTo(JsonTrees.normalized(yaml));
  }

  static Stream<Arguments> typedFields() {
    return Stream.of(
        Arguments.of(
            "sidecar-annotation.yaml",
            "namespace and pod annotation selectors on sidecar.istio.io/inject",
            (Consumer<ImagePullSecret>)
                imps -> {
                  TargetConfig target = imps.getSpec().getTarget();
                  assertThat(target.getNamespaces().getAnnotations())
                      .extracting(AnnotationSelector::getMatchAnnotations)
                      .containsExactly(Map.of("sidecar.istio.io/inject", "true"));
                  assertThat(target.getNamespacesWithPods().getAnnotations())
                      .extracting(AnnotationSelector::getMatchAnnotations)
                      .containsExactly(Map.of("sidecar.istio.io/inject", "true"));
                  assertThat(target.getSecret().getName()).isEqualTo("istio-pull-secret");
                }),
        Arguments.of(
            "names.yaml",
            "two credentials and five names",
            (Consumer<ImagePullSecret>)
                imps -> {
                  assertThat(imps.getSpec().getRegistry().getCredentials())
                      .extracting(NamespacedName::getNamespace, NamespacedName::getName)
                      .hasSize(2)
                      .allSatisfy(
                          tuple -> assertThat(tuple.toList().get(0)).isEqualTo("registry-access"));
                  assertThat(imps.getSpec().getTarget().getNamespaces().getNames())
                      .containsExactly(
                          "backyards-registry-access",
                          "backyards-system",
                          "backyards-canary",
                          "cert-manager",
                          "istio-system");
                }),
        Arguments.of(
            "combined.yaml",
            "istio.io/rev Exists on namespaces and on pods",
            (Consumer<ImagePullSecret>)
                imps -> {
                  V1LabelSelectorRequirement exists =
                      new V1LabelSelectorRequirement().key("istio.io/rev").operator("Exists");
                  TargetConfig target = imps.getSpec().getTarget();
                  assertThat(target.getNamespaces().getLabels())
                      .containsExactly(new V1LabelSelector().addMatchExpressionsItem(exists));
                  assertThat(target.getNamespacesWithPods().getLabels())
                      .containsExactly(new V1LabelSelector().addMatchExpressionsItem(exists));
                  assertThat(target.getNamespaces().getAnnotations()).hasSize(2);
                  assertThat(target.getNamespaces().getNames()).hasSize(5);
                }),
        Arguments.of(
            "everything.yaml",
            "a status with IMPS's fields and the imps additions",
            (Consumer<ImagePullSecret>)
                imps -> {
                  ImagePullSecretStatus status = imps.getStatus();
                  assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.FAILED);
                  assertThat(status.getLastSuccessfulReconciliation())
                      .isEqualTo(OffsetDateTime.of(2021, 10, 25, 11, 39, 18, 0, ZoneOffset.UTC));
                  assertThat(status.getValiditySeconds()).isEqualTo(43161);
                  assertThat(status.getSourceSecretStatus())
                      .containsEntry("default.test", ApiConstants.SOURCE_SECRET_OK);
                  assertThat(status.getObservedGeneration()).isEqualTo(3L);
                  assertThat(status.getConditions())
                      .extracting(V1Condition::getType, V1Condition::getReason)
                      .containsExactly(
                          org.assertj.core.groups.Tuple.tuple(
                              ApiConstants.CONDITION_READY,
                              ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR));
                  assertThat(status.getConflicts())
                      .extracting(SecretConflict::getNamespace)
                      .containsExactly("kube-public");
                  assertThat(imps.getSpec().getTarget().getServiceAccounts().getNames())
                      .containsExactly("default", "builder");
                }));
  }

  @ParameterizedTest(name = "{0} reads into typed fields: {1}")
  @MethodSource("typedFields")
  void examplesReadIntoTypedFields(
      String example, String description, Consumer<ImagePullSecret> check) {
    String json = YamlTestResources.tree("dev/imps/api/examples/" + example).toString();

    check.accept(JSON.deserialize(json, ImagePullSecret.class));
  }

  @Test
  void aNewObjectCarriesTheImpsApiVersionAndKind() {
    JsonObject json =
        JsonParser.parseString(
                JSON.serialize(new ImagePullSecret().metadata(new V1ObjectMeta().name("x"))))
            .getAsJsonObject();

    assertThat(json.get("apiVersion").getAsString()).isEqualTo("images.banzaicloud.io/v1alpha1");
    assertThat(json.get("kind").getAsString()).isEqualTo("ImagePullSecret");
    assertThat(json.keySet()).containsExactlyInAnyOrder("apiVersion", "kind", "metadata");
  }

  @Test
  void aListRoundTripsWithItsItems() {
    ImagePullSecret item =
        JSON.deserialize(
            YamlTestResources.tree("dev/imps/api/examples/combined.yaml").toString(),
            ImagePullSecret.class);
    ImagePullSecretList list =
        new ImagePullSecretList()
            .metadata(new V1ListMeta().resourceVersion("12"))
            .addItemsItem(item);

    ImagePullSecretList back = JSON.deserialize(JSON.serialize(list), ImagePullSecretList.class);

    assertThat(back).isEqualTo(list);
    assertThat(back.getKind()).isEqualTo("ImagePullSecretList");
    assertThat(back.getItems()).containsExactly(item);
  }

  @Test
  void fluentBuildersProduceTheSameJsonAsTheDocumentationExample() {
    ImagePullSecret built =
        new ImagePullSecret()
            .metadata(new V1ObjectMeta().name("imps"))
            .spec(
                new ImagePullSecretSpec()
                    .registry(
                        new RegistryConfig()
                            .addCredentialsItem(
                                new NamespacedName()
                                    .name("registry--https-index.docker.io-v1-pull-secret-5cbe024b")
                                    .namespace("registry-access")))
                    .target(
                        new TargetConfig()
                            .namespaces(
                                new NamespaceSelectorConfiguration()
                                    .addAnnotationsItem(
                                        new AnnotationSelector()
                                            .putMatchAnnotationsItem(
                                                "sidecar.istio.io/inject", "true")))
                            .namespacesWithPods(
                                new ObjectSelectorConfiguration()
                                    .annotations(
                                        List.of(
                                            new AnnotationSelector()
                                                .matchAnnotations(
                                                    Map.of("sidecar.istio.io/inject", "true")))))
                            .secret(new TargetSecretConfig().name("istio-pull-secret"))));

    assertThat(JsonTrees.normalized(JsonParser.parseString(JSON.serialize(built))))
        .isEqualTo(
            JsonTrees.normalized(
                YamlTestResources.tree("dev/imps/api/examples/sidecar-annotation.yaml")));
  }
}
