package dev.imps.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates pods that pull the node's private test image ({@code imagePullPolicy: Always}, so an
 * image already on the node never hides a missing or wrong secret) and waits for how the pull
 * ended.
 */
final class Pods {

  /** Generous for a busy 2-core machine: a pull retry after a secret appears waits for back-off. */
  static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(3);

  private final TestNode node;

  Pods(TestNode node) {
    this.node = node;
  }

  /** How a pod's image pull ended. */
  enum Outcome {
    /** The container runs: the image was pulled. */
    RUNNING,
    /** The kubelet could not pull the image (ErrImagePull or ImagePullBackOff). */
    PULL_FAILED
  }

  /**
   * Creates a pod running the private test image.
   *
   * @param namespace its namespace
   * @param name its name
   * @param labels its labels
   * @param pullSecret the secret named in {@code spec.imagePullSecrets}, or null for none
   * @param image the image, or null for the node's test image
   */
  void create(
      String namespace, String name, Map<String, String> labels, String pullSecret, String image) {
    String labelYaml =
        labels.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .collect(Collectors.joining(", ", "{", "}"));
    String secrets = pullSecret == null ? "[]" : "[{name: " + pullSecret + "}]";
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s, labels: %s}
        spec:
          terminationGracePeriodSeconds: 1
          imagePullSecrets: %s
          containers:
          - name: c
            image: %s
            imagePullPolicy: Always
            command: [/bin/sh, -c, 'echo pulled-and-running; exec sleep 3600']
        """
            .formatted(
                name,
                namespace,
                labelYaml,
                secrets,
                image == null ? node.environment().testImage() : image);
    node.kubectlWithInput(yaml, "apply", "-f", "-");
  }

  /**
   * Creates a pod with the node's test image and no labels.
   *
   * @param namespace its namespace
   * @param name its name
   * @param pullSecret the secret it names, or null
   */
  void create(String namespace, String name, String pullSecret) {
    create(namespace, name, Map.of(), pullSecret, null);
  }

  /**
   * Waits until the pod runs or its pull fails, whichever comes first.
   *
   * @param namespace the pod's namespace
   * @param name the pod's name
   * @return how it ended
   */
  Outcome awaitOutcome(String namespace, String name) {
    return await("pod " + namespace + "/" + name + " to run or fail its pull")
        .atMost(OUTCOME_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> current(namespace, name), o -> o != null);
  }

  /**
   * Waits until the pod runs.
   *
   * @param namespace the pod's namespace
   * @param name the pod's name
   */
  void awaitRunning(String namespace, String name) {
    await("pod " + namespace + "/" + name + " to run")
        .atMost(OUTCOME_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> current(namespace, name) == Outcome.RUNNING);
  }

  /**
   * Returns the pod's state now.
   *
   * @param namespace the pod's namespace
   * @param name the pod's name
   * @return RUNNING, PULL_FAILED, or null while neither
   */
  Outcome current(String namespace, String name) {
    String state =
        node.kubectl(
            "-n",
            namespace,
            "get",
            "pod",
            name,
            "-o",
            "jsonpath={.status.phase} {.status.containerStatuses[0].state.waiting.reason}");
    List<String> parts = List.of(state.strip().split(" "));
    if (parts.get(0).equals("Running")) {
      return Outcome.RUNNING;
    }
    if (parts.size() > 1 && List.of("ErrImagePull", "ImagePullBackOff").contains(parts.get(1))) {
      return Outcome.PULL_FAILED;
    }
    return null;
  }

  /**
   * Returns the kubelet's messages about failed pulls of this pod (events with reason Failed).
   *
   * @param namespace the pod's namespace
   * @param name the pod's name
   * @return the messages, one per line
   */
  String pullFailures(String namespace, String name) {
    return node.kubectl(
        "-n",
        namespace,
        "get",
        "events",
        "--field-selector=involvedObject.name=" + name + ",reason=Failed",
        "-o",
        "jsonpath={range .items[*]}{.message}{\"\\n\"}{end}");
  }

  /**
   * Creates a namespace with labels and annotations.
   *
   * @param name the namespace
   * @param labels its labels
   * @param annotations its annotations
   */
  void createNamespace(String name, Map<String, String> labels, Map<String, String> annotations) {
    String yaml =
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %s, labels: %s, annotations: %s}
        """
            .formatted(name, map(labels), map(annotations));
    node.kubectlWithInput(yaml, "apply", "-f", "-");
    // The ServiceAccount admission rejects pods until the namespace's default ServiceAccount
    // exists.
    await("ServiceAccount " + name + "/default")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                !node.kubectl("-n", name, "get", "serviceaccount", "default", "-o", "name")
                    .isBlank());
  }

  /**
   * Creates a namespace without labels or annotations.
   *
   * @param name the namespace
   */
  void createNamespace(String name) {
    createNamespace(name, Map.of(), Map.of());
  }

  /**
   * Creates a {@code kubernetes.io/dockerconfigjson} Secret for the node's registry.
   *
   * @param namespace its namespace
   * @param name its name
   * @param password the password it holds (the user is the registry's)
   */
  void createRegistrySecret(String namespace, String name, String password) {
    NodeEnvironment env = node.environment();
    node.kubectl(
        "-n",
        namespace,
        "create",
        "secret",
        "docker-registry",
        name,
        "--docker-server=" + env.registry(),
        "--docker-username=" + env.registryUser(),
        "--docker-password=" + password);
  }

  /**
   * Creates or replaces a {@code kubernetes.io/dockerconfigjson} Secret with one registry key.
   *
   * @param namespace its namespace
   * @param name its name
   * @param registryKey the key in {@code auths}, such as {@code host:port/team-a}
   * @param user the login
   * @param password its password
   */
  void applyDockerConfigSecret(
      String namespace, String name, String registryKey, String user, String password) {
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String config =
        "{\"auths\":{\"%s\":{\"username\":\"%s\",\"password\":\"%s\",\"auth\":\"%s\"}}}"
            .formatted(registryKey, user, password, auth);
    String yaml =
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: %s, namespace: %s}
        type: kubernetes.io/dockerconfigjson
        data: {.dockerconfigjson: %s}
        """
            .formatted(
                name,
                namespace,
                java.util.Base64.getEncoder()
                    .encodeToString(config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    node.kubectlWithInput(yaml, "apply", "-f", "-");
  }

  private static String map(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
