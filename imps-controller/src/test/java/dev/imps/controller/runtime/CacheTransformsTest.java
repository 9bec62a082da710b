package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceSpec;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheTransformsTest {

  private static V1ObjectMeta fullMetadata() {
    return new V1ObjectMeta()
        .namespace("apps")
        .name("web-1")
        .uid("u-1")
        .resourceVersion("42")
        .labels(Map.of("app", "web"))
        .annotations(Map.of("sidecar.istio.io/inject", "true"))
        .managedFields(List.of(new V1ManagedFieldsEntry().manager("kubectl")))
        .ownerReferences(List.of(new V1OwnerReference().kind("ReplicaSet").name("web")))
        .finalizers(List.of("example.com/keep"))
        .generateName("web-");
  }

  @Test
  void a_pod_is_cached_as_identity_labels_and_annotations_only() {
    PartialObjectMetadata listed = PartialObjectMetadata.of(fullMetadata());
    PartialObjectMetadata pod =
        (PartialObjectMetadata) CacheTransforms.POD_METADATA.transform(listed);

    assertThat(pod).as("transformed in place").isSameAs(listed);
    assertThat(pod.isCompact()).isTrue();
    assertThat(CacheTransforms.POD_METADATA.transform(pod)).isSameAs(pod);
    assertThat(pod.getMetadata().getLabels()).containsExactly(Map.entry("app", "web"));
    V1ObjectMeta kept = pod.getMetadata();
    assertThat(kept.getNamespace()).isEqualTo("apps");
    assertThat(kept.getName()).isEqualTo("web-1");
    assertThat(kept.getUid()).isNull();
    assertThat(kept.getResourceVersion()).isNull();
    assertThat(kept.getLabels()).containsExactly(Map.entry("app", "web"));
    assertThat(kept.getAnnotations()).containsOnlyKeys("sidecar.istio.io/inject");
    assertThat(kept.getManagedFields()).isNull();
    assertThat(kept.getOwnerReferences()).isNull();
    assertThat(kept.getFinalizers()).isNull();
    assertThat(kept.getGenerateName()).isNull();
  }

  @Test
  void pod_labels_become_compact_maps_of_shared_strings() {
    Map<String, String> labels = new HashMap<>();
    labels.put(new String("team"), new String("payments"));
    labels.put(new String("app"), new String("web"));
    labels.put("broken", null);
    PartialObjectMetadata first =
        PartialObjectMetadata.of(new V1ObjectMeta().namespace(new String("apps")).name("a"));
    first.getMetadata().setLabels(labels);
    PartialObjectMetadata second =
        PartialObjectMetadata.of(
            new V1ObjectMeta()
                .namespace(new String("apps"))
                .name("b")
                .labels(new HashMap<>(Map.of(new String("team"), new String("payments")))));

    V1ObjectMeta a =
        ((PartialObjectMetadata) CacheTransforms.POD_METADATA.transform(first)).getMetadata();
    V1ObjectMeta b =
        ((PartialObjectMetadata) CacheTransforms.POD_METADATA.transform(second)).getMetadata();

    assertThat(a.getLabels()).containsOnly(Map.entry("team", "payments"), Map.entry("app", "web"));
    assertThat(a.getLabels()).isEqualTo(Map.copyOf(a.getLabels())).isNotInstanceOf(HashMap.class);
    assertThat(Map.copyOf(a.getLabels())).as("PodView reuses the map").isSameAs(a.getLabels());
    assertThat(a.getNamespace()).isSameAs(b.getNamespace());
    String teamOfA =
        a.getLabels().keySet().stream().filter("team"::equals).findFirst().orElseThrow();
    String teamOfB = b.getLabels().keySet().iterator().next();
    assertThat(teamOfA).isSameAs(teamOfB);
    assertThat(a.getLabels().get("team")).isSameAs(b.getLabels().get("team"));
    PartialObjectMetadata sibling =
        PartialObjectMetadata.of(
            new V1ObjectMeta()
                .namespace("apps")
                .name("c")
                .labels(new HashMap<>(Map.of("team", "payments"))));
    assertThat(
            ((PartialObjectMetadata) CacheTransforms.POD_METADATA.transform(sibling))
                .getMetadata()
                .getLabels())
        .as("pods with equal labels share one map")
        .isSameAs(b.getLabels());
    assertThat(a.getAnnotations()).isNullOrEmpty();
  }

  @Test
  void a_namespace_keeps_its_metadata_and_phase_but_not_its_spec() {
    V1Namespace namespace =
        new V1Namespace()
            .metadata(fullMetadata())
            .spec(new V1NamespaceSpec().finalizers(List.of("kubernetes")))
            .status(new V1NamespaceStatus().phase("Terminating").conditions(List.of()));

    CacheTransforms.NAMESPACE.transform(namespace);

    assertThat(namespace.getSpec()).isNull();
    assertThat(namespace.getStatus().getPhase()).isEqualTo("Terminating");
    assertThat(namespace.getStatus().getConditions()).isNullOrEmpty();
    assertThat(namespace.getMetadata().getManagedFields()).isNull();
    assertThat(namespace.getMetadata().getLabels()).containsEntry("app", "web");
  }

  @Test
  void a_secret_imps_must_not_touch_is_cached_without_data() {
    V1Secret secret =
        new V1Secret()
            .metadata(fullMetadata())
            .type("Opaque")
            .data(Map.of("password", "hunter2".getBytes(StandardCharsets.UTF_8)))
            .stringData(Map.of("token", "abc"));

    CacheTransforms.SECRET_WITHOUT_DATA.transform(secret);

    assertThat(secret.getData()).isNull();
    assertThat(secret.getStringData()).isNull();
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getMetadata().getName()).isEqualTo("web-1");
    assertThat(secret.getMetadata().getManagedFields()).isNull();
  }

  @Test
  void a_source_or_copy_keeps_its_data() {
    V1Secret secret =
        new V1Secret()
            .metadata(fullMetadata())
            .data(Map.of(".dockerconfigjson", "{}".getBytes(StandardCharsets.UTF_8)));

    CacheTransforms.SECRET.transform(secret);

    assertThat(secret.getData()).containsOnlyKeys(".dockerconfigjson");
    assertThat(secret.getMetadata().getManagedFields()).isNull();
  }

  /** A copy as the API server sends it: every string and array a new instance. */
  private static V1Secret copyOf(String namespace, String owner, String config) {
    return new V1Secret()
        .metadata(
            new V1ObjectMeta()
                .namespace(new String(namespace))
                .name(new String("pull"))
                .labels(new HashMap<>(Map.of(new String("imps.banzaicloud.io/owner"), owner)))
                .ownerReferences(
                    new ArrayList<>(
                        List.of(
                            new V1OwnerReference()
                                .kind(new String("ImagePullSecret"))
                                .name(new String("mesh"))
                                .uid(new String(owner))))))
        .type(new String("kubernetes.io/dockerconfigjson"))
        .data(
            new HashMap<>(
                Map.of(new String(".dockerconfigjson"), config.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void copies_of_one_object_share_their_name_labels_owner_references_and_data() {
    V1Secret first = copyOf("apps", "uid-1", "{\"auths\":{}}");
    V1Secret second = copyOf("shop", new String("uid-1"), "{\"auths\":{}}");

    CacheTransforms.SECRET.transform(first);
    CacheTransforms.SECRET.transform(second);

    assertThat(second.getData()).isSameAs(first.getData());
    assertThat(second.getData().get(".dockerconfigjson"))
        .isEqualTo("{\"auths\":{}}".getBytes(StandardCharsets.UTF_8));
    assertThat(second.getMetadata().getLabels()).isSameAs(first.getMetadata().getLabels());
    assertThat(second.getMetadata().getOwnerReferences())
        .isSameAs(first.getMetadata().getOwnerReferences());
    assertThat(second.getMetadata().getName()).isSameAs(first.getMetadata().getName());
    assertThat(second.getType()).isSameAs(first.getType());
    assertThat(second.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(first.getData().toString()).doesNotContain("auths");
  }

  @Test
  void copies_with_other_data_or_another_owner_share_nothing_of_it() {
    V1Secret first = copyOf("apps", "uid-1", "{\"auths\":{\"a\":{}}}");
    V1Secret otherData = copyOf("shop", "uid-1", "{\"auths\":{\"b\":{}}}");
    V1Secret otherOwner = copyOf("web", "uid-2", "{\"auths\":{\"a\":{}}}");

    CacheTransforms.SECRET.transform(first);
    CacheTransforms.SECRET.transform(otherData);
    CacheTransforms.SECRET.transform(otherOwner);

    assertThat(otherData.getData()).isNotEqualTo(first.getData());
    assertThat(otherData.getData().get(".dockerconfigjson"))
        .isEqualTo("{\"auths\":{\"b\":{}}}".getBytes(StandardCharsets.UTF_8));
    assertThat(otherOwner.getMetadata().getLabels())
        .containsExactly(Map.entry("imps.banzaicloud.io/owner", "uid-2"));
    assertThat(otherOwner.getMetadata().getOwnerReferences())
        .isNotEqualTo(first.getMetadata().getOwnerReferences());
    assertThat(otherOwner.getData()).as("same bytes, another owner").isSameAs(first.getData());
  }

  @Test
  void a_namespace_name_and_its_name_label_are_one_string() {
    V1Namespace namespace =
        new V1Namespace()
            .metadata(
                new V1ObjectMeta()
                    .name(new String("shop"))
                    .labels(
                        new HashMap<>(
                            Map.of(
                                new String("kubernetes.io/metadata.name"), new String("shop")))));

    CacheTransforms.NAMESPACE.transform(namespace);

    assertThat(namespace.getMetadata().getLabels().get("kubernetes.io/metadata.name"))
        .isSameAs(namespace.getMetadata().getName());
    assertThat(namespace.getMetadata().getLabels()).isNotInstanceOf(HashMap.class);
  }

  @Test
  void a_service_account_keeps_its_pull_secrets_but_not_its_token_references() {
    V1ServiceAccount account =
        new V1ServiceAccount()
            .metadata(fullMetadata())
            .secrets(List.of(new V1ObjectReference().name("token-abc")))
            .imagePullSecrets(List.of(new V1LocalObjectReference().name("pull")));

    CacheTransforms.SERVICE_ACCOUNT.transform(account);

    assertThat(account.getSecrets()).isNull();
    assertThat(account.getImagePullSecrets())
        .extracting(V1LocalObjectReference::getName)
        .containsExactly("pull");
  }
}
