package dev.imps.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Creates ImagePullSecret objects on the node and reads what imps reports about them. */
final class ImagePullSecrets {

  /** The secret every test's ImagePullSecret writes into the namespaces it selects. */
  static final String TARGET = "imps-pull";

  /** The source secret every test's ImagePullSecret copies. */
  static final String SOURCE = "registry-login";

  private final TestNode node;

  ImagePullSecrets(TestNode node) {
    this.node = node;
  }

  /**
   * Applies an ImagePullSecret that copies {@link #SOURCE} from one namespace as {@link #TARGET}.
   *
   * @param name the object's name (cluster-scoped)
   * @param sourceNamespace the namespace of the source secret
   * @param targetYaml the rest of {@code spec.target} as YAML flow mappings, indented by four
   *     spaces, for example {@code " namespaces: {names: [a]}"}
   */
  void apply(String name, String sourceNamespace, String targetYaml) {
    String yaml =
        """
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata: {name: %s}
        spec:
          registry:
            credentials: [{name: %s, namespace: %s}]
          target:
            secret: {name: %s}
        %s
        """
            .formatted(name, SOURCE, sourceNamespace, TARGET, targetYaml);
    node.kubectlWithInput(yaml, "apply", "-f", "-");
  }

  /**
   * Applies an ImagePullSecret that copies {@link #SOURCE} from one namespace as {@link #TARGET}
   * into the namespaces named.
   *
   * @param name the object's name (cluster-scoped)
   * @param sourceNamespace the namespace of the source secret
   * @param namespaces the names in {@code spec.target.namespaces.names}
   */
  void applyToNamespaces(String name, String sourceNamespace, String... namespaces) {
    apply(
        name, sourceNamespace, "    namespaces: {names: [" + String.join(", ", namespaces) + "]}");
  }

  /**
   * Waits until imps reports the object Ready for its current generation.
   *
   * @param name the object's name
   */
  void awaitReady(String name) {
    await("ImagePullSecret " + name + " Ready")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                node.kubectl(
                        "get",
                        "imagepullsecret",
                        name,
                        "-o",
                        "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")
                    .strip()
                    .equals("True"));
  }

  /**
   * Tells whether a secret exists.
   *
   * @param namespace its namespace
   * @param name its name
   * @return true if it exists
   */
  boolean secretExists(String namespace, String name) {
    return !node.kubectl("-n", namespace, "get", "secret", name, "--ignore-not-found", "-o", "name")
        .isBlank();
  }
}
