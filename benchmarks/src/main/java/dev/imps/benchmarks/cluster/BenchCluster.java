package dev.imps.benchmarks.cluster;

import dev.imps.api.ApiConstants;
import dev.imps.envtest.KubeControlPlane;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A real control plane (etcd + kube-apiserver on 127.0.0.1) with the imps CRD and one source
 * secret, and the bulk operations the benchmarks need, all as the admin.
 */
public final class BenchCluster implements AutoCloseable {

  /** The namespace of the source secret every benchmark CR reads. */
  public static final String SOURCE_NAMESPACE = "imps-bench-sources";

  /** The source secret's name. */
  public static final String SOURCE_SECRET = "docker-login";

  /** The registry the source secret logs in to. */
  public static final String REGISTRY = "registry.bench.example";

  /** The label on the tight loop's secrets, as long as imps's owner label. */
  public static final String LIMIT_LABEL = "imps-bench.example/limit-owner";

  /** The pod label {@link #createPods} sets to {@code team-<namespace index mod 10>}. */
  public static final String POD_TEAM_LABEL = "team";

  /** Threads for bulk set-up requests, which are not what is measured. */
  public static final int SETUP_THREADS = 32;

  private final KubeControlPlane kube;
  private final ApiClient admin;
  private final CoreV1Api core;
  private final CustomObjectsApi custom;
  private final byte[] dockerConfig;

  private BenchCluster(KubeControlPlane kube) {
    this.kube = kube;
    this.admin = kube.adminClient();
    this.core = new CoreV1Api(admin);
    this.custom = new CustomObjectsApi(admin);
    String auth =
        Base64.getEncoder()
            .encodeToString("bench:not-a-real-password".getBytes(StandardCharsets.UTF_8));
    this.dockerConfig =
        ("{\"auths\":{\""
                + REGISTRY
                + "\":{\"username\":\"bench\",\"password\":\"not-a-real-password\",\"auth\":\""
                + auth
                + "\"}}}")
            .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Starts a control plane, installs the imps CRD and creates the source secret.
   *
   * @return the cluster
   * @throws ApiException if the API server refuses the set-up
   */
  public static BenchCluster start() throws ApiException {
    KubeControlPlane kube = KubeControlPlane.start();
    try {
      kube.installImpsCrd();
      BenchCluster cluster = new BenchCluster(kube);
      cluster
          .core
          .createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(SOURCE_NAMESPACE)))
          .execute();
      cluster
          .core
          .createNamespacedSecret(
              SOURCE_NAMESPACE,
              new V1Secret()
                  .metadata(new V1ObjectMeta().name(SOURCE_SECRET))
                  .type("kubernetes.io/dockerconfigjson")
                  .data(Map.of(".dockerconfigjson", cluster.dockerConfig)))
          .execute();
      return cluster;
    } catch (ApiException | RuntimeException e) {
      kube.close();
      throw e;
    }
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
   * Returns the shared admin client.
   *
   * @return the client, read timeout 0
   */
  public ApiClient admin() {
    return admin;
  }

  /**
   * Returns the admin kubeconfig, which the operator and the tight loop build their clients from.
   *
   * @return the file
   */
  public Path kubeconfig() {
    return kube.kubeconfigFile();
  }

  /**
   * Returns names {@code <prefix>-00000} to {@code <prefix>-<count−1>}.
   *
   * @param prefix the start of every name
   * @param count how many
   * @return the names
   */
  public static List<String> names(String prefix, int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(String.format("%s-%05d", prefix, i));
    }
    return names;
  }

  /**
   * Creates namespaces in parallel, unthrottled.
   *
   * @param names their names
   * @param labels the labels every one gets
   * @return how long it took
   * @throws InterruptedException if interrupted
   */
  public Duration createNamespaces(List<String> names, Map<String, String> labels)
      throws InterruptedException {
    return createNamespaces(names, i -> labels);
  }

  /**
   * Creates namespaces in parallel, unthrottled, each with its own labels.
   *
   * @param names their names
   * @param labelsOf the labels of the namespace at an index
   * @return how long it took
   * @throws InterruptedException if interrupted
   */
  public Duration createNamespaces(List<String> names, IntFunction<Map<String, String>> labelsOf)
      throws InterruptedException {
    return createNamespaces(names, labelsOf, i -> Map.of());
  }

  /**
   * Deletes the secret of one name in each of the namespaces, in parallel, unthrottled; a secret
   * that is already gone is fine.
   *
   * @param namespaces where
   * @param name the secret's name
   * @return how long it took
   * @throws InterruptedException if interrupted
   */
  public Duration deleteSecrets(List<String> namespaces, String name) throws InterruptedException {
    return ParallelRequests.send(
        "delete secret",
        namespaces.size(),
        SETUP_THREADS,
        Optional.empty(),
        i -> {
          try {
            core.deleteNamespacedSecret(name, namespaces.get(i)).execute();
          } catch (ApiException e) {
            if (e.getCode() != 404) {
              throw e;
            }
          }
        });
  }

  /**
   * Creates one namespace.
   *
   * @param name its name
   * @param labels its labels
   * @throws ApiException if refused
   */
  public void createNamespace(String name, Map<String, String> labels) throws ApiException {
    createNamespace(name, labels, Map.of());
  }

  /**
   * Creates one namespace with annotations.
   *
   * @param name its name
   * @param labels its labels
   * @param annotations its annotations
   * @throws ApiException if refused
   */
  public void createNamespace(
      String name, Map<String, String> labels, Map<String, String> annotations)
      throws ApiException {
    core.createNamespace(
            new V1Namespace()
                .metadata(
                    new V1ObjectMeta()
                        .name(name)
                        .labels(new LinkedHashMap<>(labels))
                        .annotations(
                            annotations.isEmpty() ? null : new LinkedHashMap<>(annotations))))
        .execute();
  }

  /**
   * Creates namespaces in parallel, unthrottled, each with its own labels and annotations.
   *
   * @param names their names
   * @param labelsOf the labels of the namespace at an index
   * @param annotationsOf the annotations of the namespace at an index
   * @return how long it took
   * @throws InterruptedException if interrupted
   */
  public Duration createNamespaces(
      List<String> names,
      IntFunction<Map<String, String>> labelsOf,
      IntFunction<Map<String, String>> annotationsOf)
      throws InterruptedException {
    return ParallelRequests.send(
        "create namespace",
        names.size(),
        SETUP_THREADS,
        Optional.empty(),
        i -> createNamespace(names.get(i), labelsOf.apply(i), annotationsOf.apply(i)));
  }

  /**
   * Creates one pod (an object only: no node runs it).
   *
   * @param namespace where
   * @param name its name
   * @param labels its labels
   * @throws ApiException if refused
   */
  public void createPod(String namespace, String name, Map<String, String> labels)
      throws ApiException {
    core.createNamespacedPod(
            namespace,
            new V1Pod()
                .metadata(new V1ObjectMeta().name(name).labels(new LinkedHashMap<>(labels)))
                .spec(
                    new V1PodSpec()
                        .overhead(null)
                        .containers(List.of(new V1Container().name("app").image("busybox")))))
        .execute();
  }

  /**
   * Creates pods (objects only: no node runs them) in parallel, unthrottled: {@code perNamespace}
   * in each namespace, labelled {@code app=app-<k mod 5>} for the k-th pod and {@code team=team-<i
   * mod 10>} for the i-th namespace.
   *
   * @param namespaces where
   * @param perNamespace how many in each
   * @return how long it took
   * @throws InterruptedException if interrupted
   */
  public Duration createPods(List<String> namespaces, int perNamespace)
      throws InterruptedException {
    return ParallelRequests.send(
        "create pod",
        namespaces.size() * perNamespace,
        SETUP_THREADS,
        Optional.empty(),
        i -> {
          int namespaceIndex = i / perNamespace;
          String namespace = namespaces.get(namespaceIndex);
          int k = i % perNamespace;
          core.createNamespacedPod(
                  namespace,
                  new V1Pod()
                      .metadata(
                          new V1ObjectMeta()
                              .name("pod-" + k)
                              .labels(
                                  Map.of(
                                      "app",
                                      "app-" + (k % 5),
                                      POD_TEAM_LABEL,
                                      "team-" + (namespaceIndex % 10))))
                      .spec(
                          // client-java sends an empty overhead map, which admission rejects.
                          new V1PodSpec()
                              .overhead(null)
                              .containers(List.of(new V1Container().name("app").image("busybox")))))
              .execute();
        });
  }

  /**
   * Returns a secret like the copy imps writes: the same type and data, and a label of the same
   * size as imps's owner label. Not imps's owner label itself: the operator deletes copies whose
   * owner does not exist when it starts.
   *
   * @param name the secret's name
   * @return the body
   */
  public V1Secret copyLike(String name) {
    return new V1Secret()
        .metadata(
            new V1ObjectMeta()
                .name(name)
                .labels(
                    Map.of(ApiConstants.OWNER_UID_LABEL, "00000000-0000-0000-0000-000000000000")))
        .type("kubernetes.io/dockerconfigjson")
        .data(Map.of(".dockerconfigjson", dockerConfig));
  }

  /**
   * Creates an ImagePullSecret that copies the source secret into every namespace with the given
   * labels.
   *
   * @param name the CR's name
   * @param targetSecret the copies' name
   * @param matchLabels the namespace label selector
   * @throws ApiException if refused
   */
  public void createImagePullSecret(
      String name, String targetSecret, Map<String, String> matchLabels) throws ApiException {
    createImagePullSecretSelecting(name, targetSecret, Map.of("matchLabels", matchLabels));
  }

  /**
   * Creates an ImagePullSecret that copies the source secret into every namespace its label
   * selector matches.
   *
   * @param name the CR's name
   * @param targetSecret the copies' name
   * @param labelSelector a {@code metav1.LabelSelector} as maps and lists
   * @throws ApiException if refused
   */
  public void createImagePullSecretSelecting(
      String name, String targetSecret, Map<String, Object> labelSelector) throws ApiException {
    createImagePullSecret(
        name,
        Map.of(
            "secret",
            Map.of("name", targetSecret),
            "namespaces",
            Map.of("labels", List.of(labelSelector))));
  }

  /**
   * Returns a label selector {@code key in (values)}.
   *
   * @param key the label
   * @param values the values
   * @return the selector as maps and lists
   */
  public static Map<String, Object> selectorIn(String key, List<String> values) {
    return Map.of(
        "matchExpressions",
        List.of(Map.of("key", key, "operator", "In", "values", List.copyOf(values))));
  }

  /**
   * Creates an ImagePullSecret with the given {@code spec.target} (secret name and any clauses),
   * copying the benchmark's source secret.
   *
   * @param name the CR's name
   * @param target {@code spec.target} as maps and lists
   * @throws ApiException if refused
   */
  public void createImagePullSecret(String name, Map<String, Object> target) throws ApiException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", ApiConstants.API_VERSION);
    body.put("kind", ApiConstants.KIND);
    body.put("metadata", Map.of("name", name));
    body.put(
        "spec",
        Map.of(
            "registry",
            Map.of(
                "credentials",
                List.of(Map.of("name", SOURCE_SECRET, "namespace", SOURCE_NAMESPACE))),
            "target",
            target));
    custom
        .createClusterCustomObject(
            ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL, body)
        .execute();
  }

  /**
   * Deletes an ImagePullSecret; imps then removes its copies.
   *
   * @param name the CR's name
   * @throws ApiException if refused
   */
  public void deleteImagePullSecret(String name) throws ApiException {
    custom
        .deleteClusterCustomObject(
            ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL, name)
        .execute();
  }

  /**
   * Counts the ImagePullSecrets that exist.
   *
   * @return how many
   * @throws ApiException if the list fails
   */
  public int countImagePullSecrets() throws ApiException {
    Object list =
        custom
            .listClusterCustomObject(ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL)
            .execute();
    Object items = ((Map<?, ?>) list).get("items");
    return items instanceof List<?> ? ((List<?>) items).size() : 0;
  }

  /**
   * Creates an ImagePullSecret that copies the source secret into every namespace holding a pod
   * with the given labels.
   *
   * @param name the CR's name
   * @param targetSecret the copies' name
   * @param podMatchLabels the pod label selector
   * @throws ApiException if refused
   */
  public void createPodSelectingImagePullSecret(
      String name, String targetSecret, Map<String, String> podMatchLabels) throws ApiException {
    createImagePullSecret(
        name,
        Map.of(
            "secret",
            Map.of("name", targetSecret),
            "namespacesWithPods",
            Map.of("labels", List.of(Map.of("matchLabels", podMatchLabels)))));
  }

  /** Stops the control plane and deletes its data. */
  @Override
  public void close() {
    kube.close();
  }
}
