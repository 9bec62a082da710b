package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListerWatchersTest {

  private static final Gson GSON = new JSON().getGson();

  private static final String LIST =
      """
      {"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1",
       "metadata":{"resourceVersion":"77","continue":""},
       "items":[
        {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
         "metadata":{"name":"web-1","namespace":"apps","uid":"u-1","resourceVersion":"70",
           "creationTimestamp":"2026-11-28T10:00:00Z","labels":{"app":"web"},
           "managedFields":[{"manager":"kubectl","operation":"Update","fieldsV1":{"f:metadata":{}}}],
           "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web","uid":"r"}]}},
        {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
         "metadata":{"name":"web-2","namespace":"apps","labels":{"app":"web"}},
         "unknownField":[1,2,3]}
       ]}
      """;

  @Test
  void a_metadata_list_is_transformed_item_by_item_as_it_is_decoded() throws IOException {
    List<String> seen = new ArrayList<>();
    PartialObjectMetadataList list =
        ListerWatchers.decodeTransformed(
            GSON,
            new StringReader(LIST),
            object -> {
              seen.add(object.getMetadata().getName());
              return CacheTransforms.POD_METADATA.transform(object);
            });

    assertThat(seen).containsExactly("web-1", "web-2");
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("77");
    assertThat(list.getKind()).isEqualTo("PartialObjectMetadataList");
    assertThat(list.getItems()).hasSize(2);
    PartialObjectMetadata first = list.getItems().get(0);
    assertThat(first.getMetadata().getName()).isEqualTo("web-1");
    assertThat(first.getMetadata().getNamespace()).isEqualTo("apps");
    assertThat(first.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(first.getMetadata().getManagedFields()).isNull();
    assertThat(first.getMetadata().getOwnerReferences()).isNull();
    assertThat(first.getMetadata().getCreationTimestamp()).isNull();
    assertThat(list.getItems().get(1).getMetadata().getLabels())
        .as("equal labels, one map")
        .isSameAs(first.getMetadata().getLabels());
  }

  @Test
  void an_empty_or_itemless_list_decodes_to_no_items() throws IOException {
    PartialObjectMetadataList list =
        ListerWatchers.decodeTransformed(
            GSON,
            new StringReader("{\"metadata\":{\"resourceVersion\":\"5\"},\"items\":null}"),
            CacheTransforms.POD_METADATA);

    assertThat(list.getItems()).isEmpty();
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("5");
  }

  @Test
  void a_truncated_body_fails() {
    assertThatThrownBy(
            () ->
                ListerWatchers.decodeTransformed(
                    GSON,
                    new StringReader(LIST.substring(0, LIST.indexOf("web-2"))),
                    CacheTransforms.POD_METADATA))
        .isInstanceOfAny(IOException.class, RuntimeException.class);
  }
}
