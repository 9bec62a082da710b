package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.reconcile.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestReaderTest {

  @TempDir Path folder;

  static final String NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n";

  static final String VALID_IMPS =
      """
      apiVersion: images.banzaicloud.io/v1alpha1
      kind: ImagePullSecret
      metadata:
        name: pull
      spec:
        registry:
          credentials:
            - {name: source, namespace: apps}
        target:
          secret: {name: pull-secret}
          namespaces:
            names: [apps]
      """;

  static Stream<Arguments> invalidInputs() {
    return Stream.of(
        Arguments.of(
            "a YAML syntax error",
            NAMESPACE + "---\nkind: Namespace\n  metadata: [\n",
            "document 2: not valid YAML: ",
            "at line"),
        Arguments.of(
            "a document that is a string",
            "just text\n",
            "document 1: not a Kubernetes object",
            "found a String"),
        Arguments.of(
            "an object without a kind",
            "apiVersion: v1\nmetadata: {name: x}\n",
            "document 1 (object): kind: required",
            ""),
        Arguments.of(
            "a secret whose data is not base64",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: apps}\n"
                + "data:\n  password: 'hunter2!!'\n",
            "document 1 (Secret apps/s): data.password: not valid base64",
            ""),
        Arguments.of(
            "an unquoted number in stringData",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: ecr, namespace: apps}\n"
                + "stringData:\n  accountID: 123456789012\n",
            "(Secret apps/ecr): stringData.accountID: must be a string, not a number (quote it)",
            ""),
        Arguments.of(
            "a label that is not a string",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels: {enabled: true}\n",
            "(Namespace apps): metadata.labels.enabled: must be a string, not a boolean (quote it)",
            ""),
        Arguments.of(
            "a pod without a name",
            "apiVersion: v1\nkind: Pod\nmetadata: {namespace: apps}\n",
            "document 1 (Pod): metadata.name: required",
            ""),
        Arguments.of(
            "an ImagePullSecret without a spec",
            "apiVersion: images.banzaicloud.io/v1alpha1\nkind: ImagePullSecret\n"
                + "metadata: {name: pull}\n",
            "(ImagePullSecret pull): spec: required",
            ""),
        Arguments.of(
            "a misspelt selector field",
            VALID_IMPS.replace("names: [apps]", "labels: [{matchLabel: {a: b}}]"),
            "(ImagePullSecret pull): spec.target.namespaces.labels[0].matchLabel: unknown field",
            "expected one of [matchLabels, matchExpressions]"),
        Arguments.of(
            "names given as a string",
            VALID_IMPS.replace("names: [apps]", "names: apps"),
            "spec.target.namespaces.names: must be a list, not a String",
            ""),
        Arguments.of(
            "a source without a namespace",
            VALID_IMPS.replace("{name: source, namespace: apps}", "{name: source}"),
            "spec.registry.credentials[0].namespace: required",
            ""),
        Arguments.of(
            "a bad item in a List",
            "apiVersion: v1\nkind: List\nitems:\n"
                + "  - {apiVersion: v1, kind: Namespace, metadata: {name: apps}}\n"
                + "  - {apiVersion: v1, kind: Pod, metadata: {name: 7}}\n",
            "document 1 items[1] (Pod): metadata.name: must be a string, not a number",
            ""),
        Arguments.of(
            "an object given twice",
            NAMESPACE + "---\n" + NAMESPACE,
            "document 2: Namespace apps is given twice; it was already in ",
            "document 1"),
        Arguments.of(
            "a duplicate key",
            "apiVersion: v1\nkind: Namespace\nkind: Pod\nmetadata: {name: x}\n",
            "document 1: not valid YAML: found duplicate key kind",
            ""));
  }

  @ParameterizedTest(name = "{0} is rejected naming file, document and field")
  @MethodSource("invalidInputs")
  void invalid_input_is_rejected_with_a_message_naming_file_document_and_field(
      String what, String yaml, String expected, String alsoExpected) throws IOException {
    Path file = write("input.yaml", yaml);

    assertThatThrownBy(() -> ManifestReader.read(List.of(file)))
        .isInstanceOf(PlanInputException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(expected)
        .hasMessageContaining(alsoExpected);
  }

  @Test
  void an_error_never_quotes_the_value_it_rejects() throws IOException {
    Path file =
        write(
            "secret.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  token: 'p@ss w0rd!'\n");

    assertThatThrownBy(() -> ManifestReader.read(List.of(file)))
        .hasMessageContaining("data.token")
        .hasMessageNotContaining("p@ss");
  }

  @Test
  void a_yaml_error_gives_the_position_but_not_the_text_around_it() throws IOException {
    Path file =
        write("broken.yaml", "apiVersion: v1\nkind: Secret\ndata: {token: \"sup3r-s3cret\n");

    assertThatThrownBy(() -> ManifestReader.read(List.of(file)))
        .hasMessageContaining("not valid YAML")
        .hasMessageNotContaining("sup3r");
  }

  @Test
  void a_missing_path_is_named() {
    Path missing = folder.resolve("nope");

    assertThatThrownBy(() -> ManifestReader.read(List.of(missing)))
        .hasMessage(missing + ": no such file or folder");
  }

  @Test
  void kubectl_list_output_is_read_item_by_item_and_other_kinds_are_ignored() throws Exception {
    Path file =
        write(
            "dump.yaml",
            """
            apiVersion: v1
            kind: List
            metadata: {resourceVersion: ""}
            items:
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: apps
                uid: 0d5e6f1a-0000-4000-8000-000000000001
                creationTimestamp: "2024-05-01T12:00:00Z"
                managedFields: [{manager: kubectl, operation: Update}]
                labels: {kubernetes.io/metadata.name: apps}
              spec: {finalizers: [kubernetes]}
              status: {phase: Active}
            - apiVersion: v1
              kind: Pod
              metadata: {name: web, namespace: apps, labels: {app: web}}
              spec: {containers: [{name: web, image: nginx}]}
            - apiVersion: v1
              kind: Secret
              metadata: {name: source, namespace: apps, resourceVersion: "42"}
              type: kubernetes.io/dockerconfigjson
              data: {.dockerconfigjson: e30=}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: web, namespace: apps}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: settings, namespace: apps}
            """);

    ClusterObjects objects = ManifestReader.read(List.of(file));

    assertThat(objects.namespaces()).containsOnlyKeys("apps");
    assertThat(objects.podsByNamespace().get("apps"))
        .extracting(p -> p.labels())
        .containsExactly(Map.of("app", "web"));
    assertThat(
            objects.secrets().get(new SecretRef("apps", "source")).dataValue(".dockerconfigjson"))
        .hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("{}"));
    assertThat(objects.warnings())
        .containsExactly("ignored objects the plan does not need: ConfigMap (1), Deployment (1)");
  }

  @Test
  void a_typed_list_from_the_api_lends_its_kind_to_items_without_one() throws Exception {
    Path file =
        write(
            "namespaces.json",
            "{\"apiVersion\":\"v1\",\"kind\":\"NamespaceList\",\"items\":"
                + "[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\","
                + "\"deletionTimestamp\":\"2024-05-01T12:00:00Z\"}}]}");

    ClusterObjects objects = ManifestReader.read(List.of(file));

    assertThat(objects.namespaces()).containsOnlyKeys("a", "b");
    assertThat(objects.namespaces().get("b").terminating()).isTrue();
  }

  @Test
  void objects_without_a_namespace_are_in_default_which_is_assumed_if_not_given() throws Exception {
    Path file =
        write(
            "pod.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations: {a: b}\n");

    ClusterObjects objects = ManifestReader.read(List.of(file));

    assertThat(objects.podsByNamespace()).containsOnlyKeys("default");
    assertThat(objects.namespaces()).containsOnlyKeys("default");
    assertThat(objects.warnings())
        .containsExactly(
            "namespace default has objects but no Namespace document; assuming it has no labels"
                + " or annotations");
  }

  @Test
  void stringdata_wins_over_data_as_the_api_server_applies_it() throws Exception {
    Path file =
        write(
            "secret.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: apps}\n"
                + "data: {region: ZXUtd2VzdC0x, keep: YQ==}\nstringData: {region: us-east-1}\n");

    ClusterObjects objects = ManifestReader.read(List.of(file));

    Map<String, byte[]> data = objects.secrets().get(new SecretRef("apps", "s")).data();
    assertThat(new String(data.get("region"), StandardCharsets.UTF_8)).isEqualTo("us-east-1");
    assertThat(new String(data.get("keep"), StandardCharsets.UTF_8)).isEqualTo("a");
  }

  @Test
  void an_imagepullsecret_of_the_cisco_group_is_ignored_with_a_hint() throws Exception {
    Path file = write("imps.yaml", VALID_IMPS.replace("images.banzaicloud.io", "images.cisco.com"));

    ClusterObjects objects = ManifestReader.read(List.of(file));

    assertThat(objects.imagePullSecrets()).isEmpty();
    assertThat(objects.warnings())
        .singleElement()
        .asString()
        .contains("images.cisco.com/v1alpha1")
        .contains("imps serves images.banzaicloud.io/v1alpha1");
  }

  @Test
  void an_imagepullsecret_without_uid_gets_one_that_owns_no_existing_copy() throws Exception {
    Path file = write("imps.yaml", VALID_IMPS);

    ClusterObjects objects = ManifestReader.read(List.of(file));

    assertThat(objects.imagePullSecrets().get("pull").getMetadata().getUid())
        .isEqualTo(ObjectDecoder.UNSET_UID_PREFIX + "pull");
    assertThat(objects.originOf("pull")).isEqualTo(Origin.document(file.toString(), 1));
  }

  @Test
  void a_folder_is_read_recursively_in_name_order_skipping_other_files() throws Exception {
    write("b/20-pod.yml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: apps}\n");
    write("a/10-ns.yaml", NAMESPACE);
    write("notes.txt", "not yaml: [");
    write(".hidden.yaml", "not yaml: [");

    ClusterObjects objects = ManifestReader.read(List.of(folder));

    assertThat(objects.namespaces()).containsOnlyKeys("apps");
    assertThat(objects.podsByNamespace().get("apps")).hasSize(1);
    assertThat(objects.warnings()).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
