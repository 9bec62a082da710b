package dev.imps.controller.plan;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import dev.imps.controller.reconcile.NamespaceSnapshot;
import dev.imps.controller.reconcile.OwnerRef;
import dev.imps.controller.reconcile.SecretSnapshot;
import dev.imps.controller.reconcile.ServiceAccountSnapshot;
import dev.imps.selector.PodView;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one parsed document (maps and lists, from YAML or from the API server's JSON) into plan
 * objects: {@code Namespace}, {@code Pod}, {@code Secret}, {@code ServiceAccount} and imps's {@code
 * ImagePullSecret}; {@code List} and {@code *List} documents item by item. Other kinds are counted
 * and ignored, so a folder of mixed manifests can be planned as it is.
 *
 * <p>Only the fields the reconciler reads are decoded, and each is checked: a wrong type, a missing
 * name or a {@code data} value that is not base64 is an error naming the field. An object without
 * {@code metadata.namespace} is in {@value #DEFAULT_NAMESPACE}, as {@code kubectl apply} puts it
 * with the default context. An {@code ImagePullSecret} without {@code metadata.uid} (one not read
 * from a cluster) gets {@value #UNSET_UID_PREFIX}{@code <name>}, so it owns no existing copy.
 *
 * <p>Stateless and thread-safe.
 */
final class ObjectDecoder {

  /** Namespace of a namespaced object that names none. */
  static final String DEFAULT_NAMESPACE = "default";

  /** Prefix of the uid given to an {@code ImagePullSecret} that has none. */
  static final String UNSET_UID_PREFIX = "plan-uid-";

  private static final String CORE_V1 = "v1";
  private static final String TERMINATING = "Terminating";
  private static final Gson GSON = new JSON().getGson();

  private ObjectDecoder() {}

  /**
   * Decodes one document into the builder.
   *
   * @param document the parsed document; {@code null} (an empty document) is skipped
   * @param origin where it came from
   * @param into where decoded objects go
   * @throws PlanInputException if the document is not a Kubernetes object, or a field the plan
   *     reads is missing or malformed
   */
  static void decode(Object document, Origin origin, ClusterObjects.Builder into)
      throws PlanInputException {
    if (document == null) {
      return;
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new PlanInputException(
          origin
              + ": not a Kubernetes object: expected a mapping with apiVersion and kind, found "
              + ObjectFields.typeName(document));
    }
    ObjectFields object = ObjectFields.of(map, origin, "object");
    String kind = object.requiredString("kind");
    String apiVersion = object.requiredString("apiVersion");
    object = object.about(kind);
    if (kind.endsWith("List") && object.has("items")) {
      decodeList(object, kind, apiVersion, into);
      return;
    }
    switch (kind) {
      case "Namespace" -> {
        if (core(apiVersion, kind, into)) {
          namespace(object, into);
        }
      }
      case "Pod" -> {
        if (core(apiVersion, kind, into)) {
          pod(object, into);
        }
      }
      case "Secret" -> {
        if (core(apiVersion, kind, into)) {
          secret(object, into);
        }
      }
      case "ServiceAccount" -> {
        if (core(apiVersion, kind, into)) {
          serviceAccount(object, into);
        }
      }
      case ApiConstants.KIND -> {
        if (ApiConstants.API_VERSION.equals(apiVersion)) {
          imagePullSecret(object, into);
        } else {
          into.warning(
              origin
                  + ": ignored "
                  + kind
                  + " of "
                  + apiVersion
                  + ": imps serves "
                  + ApiConstants.API_VERSION
                  + " (IMPS's group before v0.4); change apiVersion to plan it");
        }
      }
      default -> into.ignored(kind);
    }
  }

  private static void decodeList(
      ObjectFields list, String kind, String apiVersion, ClusterObjects.Builder into)
      throws PlanInputException {
    Object items = list.raw().get("items");
    if (!(items instanceof List<?> entries)) {
      throw list.error("items", "must be a list, not " + ObjectFields.typeName(items));
    }
    // A typed list from the API (NamespaceList) may leave kind and apiVersion out of its items.
    String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - 4);
    for (int i = 0; i < entries.size(); i++) {
      Object item = entries.get(i);
      if (itemKind != null && item instanceof Map<?, ?> itemMap && itemMap.get("kind") == null) {
        Map<Object, Object> completed = new LinkedHashMap<>(itemMap);
        completed.put("kind", itemKind);
        completed.putIfAbsent("apiVersion", apiVersion);
        item = completed;
      }
      decode(item, list.origin().item(i), into);
    }
  }

  private static boolean core(String apiVersion, String kind, ClusterObjects.Builder into) {
    if (CORE_V1.equals(apiVersion)) {
      return true;
    }
    into.ignored(kind + " (" + apiVersion + ")");
    return false;
  }

  private static void namespace(ObjectFields object, ClusterObjects.Builder into)
      throws PlanInputException {
    ObjectFields metadata = metadata(object);
    String name = metadata.requiredString("name");
    metadata = metadata.about("Namespace " + name);
    boolean terminating =
        metadata.timestamp("deletionTimestamp").isPresent()
            || TERMINATING.equals(
                object
                    .about("Namespace " + name)
                    .objectOrEmpty("status")
                    .string("phase")
                    .orElse(""));
    into.namespace(
        new NamespaceSnapshot(
            name,
            metadata.string("uid").orElse(""),
            metadata.stringMap("labels"),
            metadata.stringMap("annotations"),
            terminating),
        object.origin());
  }

  private static void pod(ObjectFields object, ClusterObjects.Builder into)
      throws PlanInputException {
    ObjectFields metadata = metadata(object);
    String name = metadata.requiredString("name");
    String namespace = namespaceOf(metadata);
    metadata = metadata.about("Pod " + namespace + "/" + name);
    into.pod(
        namespace,
        new PodView(name, metadata.stringMap("labels"), metadata.stringMap("annotations")),
        object.origin());
  }

  private static void secret(ObjectFields object, ClusterObjects.Builder into)
      throws PlanInputException {
    ObjectFields metadata = metadata(object);
    String name = metadata.requiredString("name");
    String namespace = namespaceOf(metadata);
    String subject = "Secret " + namespace + "/" + name;
    metadata = metadata.about(subject);
    object = object.about(subject);
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : object.stringMap("data").entrySet()) {
      try {
        data.put(
            entry.getKey(), Base64.getDecoder().decode(entry.getValue().replaceAll("\\s", "")));
      } catch (IllegalArgumentException e) {
        throw object.errorAt(
            ObjectFields.entryPath(object.pathOf("data"), entry.getKey()),
            "not valid base64 (use stringData for text)");
      }
    }
    // As the API server does: stringData is written into data, winning over it.
    object
        .stringMap("stringData")
        .forEach((key, value) -> data.put(key, value.getBytes(StandardCharsets.UTF_8)));
    List<OwnerRef> owners = new ArrayList<>();
    for (ObjectFields owner : metadata.objects("ownerReferences")) {
      owners.add(
          new OwnerRef(
              owner.requiredString("apiVersion"),
              owner.requiredString("kind"),
              owner.requiredString("name"),
              owner.requiredString("uid")));
    }
    into.secret(
        SecretSnapshot.builder(namespace, name)
            .uid(metadata.string("uid").orElse(null))
            .resourceVersion(metadata.string("resourceVersion").orElse(null))
            .type(object.string("type").orElse(null))
            .labels(metadata.stringMap("labels"))
            .annotations(metadata.stringMap("annotations"))
            .creationTimestamp(metadata.timestamp("creationTimestamp").orElse(null))
            .ownerReferences(owners)
            .data(data)
            .build(),
        object.origin());
  }

  private static void serviceAccount(ObjectFields object, ClusterObjects.Builder into)
      throws PlanInputException {
    ObjectFields metadata = metadata(object);
    String name = metadata.requiredString("name");
    String namespace = namespaceOf(metadata);
    String subject = "ServiceAccount " + namespace + "/" + name;
    metadata = metadata.about(subject);
    List<String> pullSecrets = new ArrayList<>();
    for (ObjectFields reference : object.about(subject).objects("imagePullSecrets")) {
      pullSecrets.add(reference.requiredString("name"));
    }
    into.serviceAccount(
        new ServiceAccountSnapshot(
            namespace,
            name,
            metadata.string("resourceVersion").orElse(null),
            pullSecrets,
            metadata.stringMap("annotations")),
        object.origin());
  }

  private static void imagePullSecret(ObjectFields object, ClusterObjects.Builder into)
      throws PlanInputException {
    ObjectFields metadata = metadata(object);
    String name = metadata.requiredString("name");
    String subject = ApiConstants.KIND + " " + name;
    metadata = metadata.about(subject);
    ObjectFields cr = object.about(subject);
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .name(name)
            .uid(metadata.string("uid").orElse(UNSET_UID_PREFIX + name))
            .generation(metadata.integer("generation").orElse(null))
            .creationTimestamp(utc(metadata.timestamp("creationTimestamp").orElse(null)))
            .deletionTimestamp(utc(metadata.timestamp("deletionTimestamp").orElse(null)))
            .labels(metadata.stringMap("labels"))
            .annotations(metadata.stringMap("annotations"));
    ObjectFields spec = cr.object("spec").orElseThrow(() -> cr.error("spec", "required"));
    List<String> rejected = CrdSchemaCheck.check(spec);
    if (!rejected.isEmpty()) {
      into.rejectedImagePullSecret(
          name,
          subject + ": the API server would reject it: " + String.join("; ", rejected),
          cr.origin());
      return;
    }
    ImagePullSecretSpec parsed;
    try {
      parsed = GSON.fromJson(GSON.toJsonTree(spec.raw()), ImagePullSecretSpec.class);
    } catch (JsonParseException | IllegalArgumentException e) {
      // client-java's messages quote the JSON; a spec holds no secret, but keep messages short.
      String message = String.valueOf(e.getMessage());
      int json = message.indexOf(" JSON: ");
      throw spec.errorAt("spec", json < 0 ? message : message.substring(0, json));
    }
    into.imagePullSecret(new ImagePullSecret().metadata(meta).spec(parsed), cr.origin());
  }

  private static ObjectFields metadata(ObjectFields object) throws PlanInputException {
    return object
        .object("metadata")
        .orElseThrow(() -> object.error("metadata", "required (with at least a name)"));
  }

  private static String namespaceOf(ObjectFields metadata) throws PlanInputException {
    String namespace = metadata.string("namespace").orElse("");
    return namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
