package dev.imps.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Creates ImagePullSecret objects on the node and reads what imps reports about them. */
final class ImagePullSecrets {

  private final TestNode node;

  ImagePullSecrets(TestNode node) {
    this.node = node;
  }

  /**
   * Applies an ImagePullSecret with one source secret.
   *
   * @param name the object's name (cluster-scoped)
   * @param sourceNamespace the source secret's namespace
   * @param sourceName the source secret's name
   * @param targetSecret the name of the secret imps writes into every selected namespace
   * @param targetYaml the rest of {@code spec.target} as YAML flow mappings, indented by four
   *     spaces, for example {@code " namespaces: {names: [a]}"}
   */
  void apply(
      String name,
      String sourceNamespace,
      String sourceName,
      String targetSecret,
      String targetYaml) {
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
            .formatted(name, sourceName, sourceNamespace, targetSecret, targetYaml);
    node.kubectlWithInput(yaml, "apply", "-f", "-");
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
