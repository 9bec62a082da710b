package dev.imps.controller.it.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.envtest.KubeControlPlane;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.PatchUtils;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;

/** What the operator's integration tests do to the cluster, as the admin. */
public final class TestCluster {

  /** The type of a docker config secret. */
  public static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  /** The data key of a docker config secret. */
  public static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final JSON KUBE_JSON = new JSON();

  private final KubeControlPlane kube;
  private final ApiClient admin;
  private final CoreV1Api core;
  private final CustomObjectsApi custom;

  /**
   * Wraps the shared control plane.
   *
   * @param kube the control plane
   */
  public TestCluster(KubeControlPlane kube) {
    this.kube = kube;
    this.admin = kube.adminClient();
    this.core = new CoreV1Api(admin);
    this.custom = new CustomObjectsApi(admin);
  }

  /**
   * Returns the control plane.
   *
   * @return the control plane
   */
  public KubeControlPlane kube() {
    return kube;
  }

  /**
   * Returns an admin client.
   *
   * @return the client
   */
  public ApiClient admin() {
    return admin;
  }

  /**
   * Returns a name unique to this run: {@code prefix-xxxxxx}.
   *
   * @param prefix the start
   * @return the name
   */
  public static String uniqueName(String prefix) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder name = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 6; i++) {
      name.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  /**
   * Creates a namespace with a unique name.
   *
   * @param prefix the start of its name
   * @return the name
   * @throws ApiException if refused
   */
  public String namespace(String prefix) throws ApiException {
    return namespace(prefix, Map.of(), Map.of());
  }

  /**
   * Creates a namespace with a unique name, labels and annotations.
   *
   * @param prefix the start of its name
   * @param labels its labels
   * @param annotations its annotations
   * @return the name
   * @throws ApiException if refused
   */
  public String namespace(
      String prefix, Map<String, String> labels, Map<String, String> annotations)
      throws ApiException {
    String name = uniqueName(prefix);
    core.createNamespace(
            new V1Namespace()
                .metadata(
                    new V1ObjectMeta()
                        .name(name)
                        .labels(new LinkedHashMap<>(labels))
                        .annotations(new LinkedHashMap<>(annotations))))
        .execute();
    return name;
  }

  /**
   * Creates namespaces with unique names that all carry one label, for a label selector to choose.
   *
   * @param prefix the start of their names
   * @param count how many
   * @param labelKey the label's key
   * @param labelValue the label's value
   * @return their names, in the order created
   * @throws ApiException if refused
   */
  public List<String> labelledNamespaces(
      String prefix, int count, String labelKey, String labelValue) throws ApiException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(namespace(prefix, Map.of(labelKey, labelValue), Map.of()));
    }
    return names;
  }

  /**
   * Merge-patches a namespace's labels; a null value removes a label.
   *
   * @param namespace the namespace
   * @param labels the changes
   * @throws ApiException if refused
   */
  public void labelNamespace(String namespace, Map<String, String> labels) throws ApiException {
    patchNamespaceMetadata(namespace, "labels", labels);
  }

  /**
   * Merge-patches a namespace's annotations; a null value removes one.
   *
   * @param namespace the namespace
   * @param annotations the changes
   * @throws ApiException if refused
   */
  public void annotateNamespace(String namespace, Map<String, String> annotations)
      throws ApiException {
    patchNamespaceMetadata(namespace, "annotations", annotations);
  }

  private void patchNamespaceMetadata(String namespace, String field, Map<String, String> values)
      throws ApiException {
    JsonObject map = new JsonObject();
    values.forEach(map::addProperty);
    JsonObject metadata = new JsonObject();
    metadata.add(field, map);
    JsonObject body = new JsonObject();
    body.add("metadata", metadata);
    PatchUtils.patch(
        V1Namespace.class,
        () -> core.patchNamespace(namespace, new V1Patch(body.toString())).buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        admin);
  }

  /**
   * Deletes a namespace. Without kube-controller-manager it stays Terminating for good.
   *
   * @param namespace the namespace
   * @throws ApiException if refused
   */
  public void deleteNamespace(String namespace) throws ApiException {
    core.deleteNamespace(namespace).execute();
  }

  /**
   * Creates a pod (it is never scheduled: there are no nodes).
   *
   * @param namespace its namespace
   * @param name its name
   * @param labels its labels
   * @param annotations its annotations
   * @throws ApiException if refused
   */
  public void pod(
      String namespace, String name, Map<String, String> labels, Map<String, String> annotations)
      throws ApiException {
    core.createNamespacedPod(
            namespace,
            new V1Pod()
                .metadata(
                    new V1ObjectMeta()
                        .name(name)
                        .labels(new LinkedHashMap<>(labels))
                        .annotations(new LinkedHashMap<>(annotations)))
                .spec(
                    // client-java sends an empty overhead map, which admission rejects.
                    new V1PodSpec()
                        .overhead(null)
                        .containers(List.of(new V1Container().name("app").image("busybox")))))
        .execute();
  }

  /**
   * Deletes a pod at once.
   *
   * @param namespace its namespace
   * @param name its name
   * @throws ApiException if refused
   */
  public void deletePod(String namespace, String name) throws ApiException {
    core.deleteNamespacedPod(name, namespace).gracePeriodSeconds(0).execute();
  }

  /**
   * Returns the docker config JSON for one registry login.
   *
   * @param registry the registry host
   * @param user the user
   * @param password the password
   * @return the JSON text
   */
  public static String dockerConfig(String registry, String user, String password) {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return "{\"auths\":{\""
        + registry
        + "\":{\"username\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\",\"auth\":\""
        + auth
        + "\"}}}";
  }

  /**
   * Creates a namespace holding one docker config secret for {@code registry.example.com} (user
   * {@code u}, password {@code p}): the source of a test that needs just some source.
   *
   * @param prefix the start of the namespace's name
   * @param secretName the secret's name
   * @return the secret
   * @throws ApiException if refused
   */
  public SourceSecret dockerLoginSource(String prefix, String secretName) throws ApiException {
    String namespace = namespace(prefix);
    dockerConfigSecret(namespace, secretName, dockerConfig("registry.example.com", "u", "p"));
    return new SourceSecret(namespace, secretName);
  }

  /**
   * Creates or replaces a docker config secret.
   *
   * @param namespace its namespace
   * @param name its name
   * @param dockerConfigJson the {@code .dockerconfigjson} content
   * @throws ApiException if refused
   */
  public void dockerConfigSecret(String namespace, String name, String dockerConfigJson)
      throws ApiException {
    putSecret(
        namespace, name, DOCKER_CONFIG_JSON, Map.of(DOCKER_CONFIG_KEY, dockerConfigJson), Map.of());
  }

  /**
   * Creates a secret, or replaces its type, data and labels if it exists.
   *
   * @param namespace its namespace
   * @param name its name
   * @param type its type
   * @param data its data as text
   * @param labels its labels
   * @throws ApiException if refused
   */
  public void putSecret(
      String namespace,
      String name,
      String type,
      Map<String, String> data,
      Map<String, String> labels)
      throws ApiException {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    data.forEach((key, value) -> bytes.put(key, value.getBytes(StandardCharsets.UTF_8)));
    Optional<V1Secret> existing = secret(namespace, name);
    if (existing.isPresent()) {
      V1Secret secret = existing.get();
      secret.setData(bytes);
      secret.getMetadata().setLabels(new LinkedHashMap<>(labels));
      core.replaceNamespacedSecret(name, namespace, secret).execute();
      return;
    }
    core.createNamespacedSecret(
            namespace,
            new V1Secret()
                .metadata(new V1ObjectMeta().name(name).labels(new LinkedHashMap<>(labels)))
                .type(type)
                .data(bytes))
        .execute();
  }

  /**
   * Reads a secret.
   *
   * @param namespace its namespace
   * @param name its name
   * @return the secret, or empty if it does not exist
   * @throws ApiException if the read fails otherwise
   */
  public Optional<V1Secret> secret(String namespace, String name) throws ApiException {
    try {
      return Optional.of(core.readNamespacedSecret(name, namespace).execute());
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Returns a secret's {@code .dockerconfigjson} as text.
   *
   * @param namespace its namespace
   * @param name its name
   * @return the text, or empty if the secret or key is missing
   * @throws ApiException if the read fails
   */
  public Optional<String> dockerConfigOf(String namespace, String name) throws ApiException {
    return secret(namespace, name)
        .map(V1Secret::getData)
        .map(data -> data.get(DOCKER_CONFIG_KEY))
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * Deletes a secret.
   *
   * @param namespace its namespace
   * @param name its name
   * @throws ApiException if refused
   */
  public void deleteSecret(String namespace, String name) throws ApiException {
    core.deleteNamespacedSecret(name, namespace).execute();
  }

  /**
   * Applies YAML with kubectl (server-side, so repeated applies update).
   *
   * @param yaml one or more documents
   * @return kubectl's output
   */
  public String apply(String yaml) {
    return kube.kubectlWithInput(yaml, "apply", "--server-side", "--force-conflicts", "-f", "-");
  }

  /**
   * Creates or updates an {@code ImagePullSecret} that copies one source into namespaces chosen by
   * name.
   *
   * @param name the object's name
   * @param source the source secret
   * @param secretName the copies' name
   * @param namespaces the namespaces that get a copy
   */
  public void applyImagePullSecret(
      String name, SourceSecret source, String secretName, String... namespaces) {
    apply(Manifests.imagePullSecret(name, source, Manifests.namesTarget(secretName, namespaces)));
  }

  /**
   * Creates an {@code ImagePullSecret} with a unique name that copies one source into namespaces
   * chosen by name.
   *
   * @param prefix the start of the object's name
   * @param source the source secret
   * @param secretName the copies' name
   * @param namespaces the namespaces that get a copy
   * @return the object's name
   */
  public String createImagePullSecret(
      String prefix, SourceSecret source, String secretName, String... namespaces) {
    String name = uniqueName(prefix);
    applyImagePullSecret(name, source, secretName, namespaces);
    return name;
  }

  /**
   * Reads an {@code ImagePullSecret}.
   *
   * @param name its name
   * @return the object, or empty if it does not exist
   * @throws ApiException if the read fails otherwise
   */
  public Optional<ImagePullSecret> imagePullSecret(String name) throws ApiException {
    try {
      Object raw =
          custom
              .getClusterCustomObject(
                  ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL, name)
              .execute();
      return Optional.of(
          admin.getJSON().deserialize(admin.getJSON().serialize(raw), ImagePullSecret.class));
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Reads an {@code ImagePullSecret}'s status inside an Awaitility {@code untilAsserted}: a pass
   * writes the status after the copies, so it may not be there yet. Its absence fails an AssertJ
   * assertion (retried by Awaitility), never a {@link NullPointerException} or {@link
   * java.util.NoSuchElementException} (which end the wait at once).
   *
   * @param name its name
   * @return the status, never {@code null}
   * @throws ApiException if the read fails otherwise
   * @throws AssertionError if the object or its status does not exist (yet)
   */
  public ImagePullSecretStatus status(String name) throws ApiException {
    Optional<ImagePullSecret> cr = imagePullSecret(name);
    Assertions.assertThat(cr).as("ImagePullSecret %s", name).isPresent();
    Assertions.assertThat(cr.get().getStatus())
        .as("status of ImagePullSecret %s (not written yet?)", name)
        .isNotNull();
    return cr.get().getStatus();
  }

  /**
   * Returns the raw JSON of an {@code ImagePullSecret}'s status.
   *
   * @param name its name
   * @return the status object, or an empty object
   * @throws ApiException if the read fails
   */
  public JsonObject rawStatus(String name) throws ApiException {
    Object raw =
        custom
            .getClusterCustomObject(
                ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL, name)
            .execute();
    JsonObject object = JsonParser.parseString(KUBE_JSON.serialize(raw)).getAsJsonObject();
    return object.has("status") ? object.getAsJsonObject("status") : new JsonObject();
  }

  /**
   * Deletes an {@code ImagePullSecret}.
   *
   * @param name its name
   * @throws ApiException if refused
   */
  public void deleteImagePullSecret(String name) throws ApiException {
    custom
        .deleteClusterCustomObject(
            ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL, name)
        .execute();
  }

  /**
   * Returns the events about an {@code ImagePullSecret} (in namespace {@code default}).
   *
   * @param name its name
   * @return the events
   * @throws ApiException if the list fails
   */
  public List<CoreV1Event> eventsAbout(String name) throws ApiException {
    return core.listNamespacedEvent("default")
        .fieldSelector("involvedObject.name=" + name + ",involvedObject.kind=" + ApiConstants.KIND)
        .execute()
        .getItems();
  }

  /**
   * Returns the {@code Warning} events with one reason about an {@code ImagePullSecret}.
   *
   * @param name its name
   * @param reason the events' reason
   * @return the events
   * @throws ApiException if the list fails
   */
  public List<CoreV1Event> warningsAbout(String name, String reason) throws ApiException {
    return eventsAbout(name).stream()
        .filter(event -> "Warning".equals(event.getType()) && reason.equals(event.getReason()))
        .toList();
  }
}
