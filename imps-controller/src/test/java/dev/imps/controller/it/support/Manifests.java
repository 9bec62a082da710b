package dev.imps.controller.it.support;

/** YAML of the objects the operator's tests create. */
public final class Manifests {

  private Manifests() {}

  /**
   * Returns an {@code ImagePullSecret} with one source and the given {@code spec.target} body.
   *
   * @param name the CR's name
   * @param sourceNamespace the source secret's namespace
   * @param sourceName the source secret's name
   * @param target the YAML under {@code target:}, indented by four spaces per line
   * @return the YAML document
   */
  public static String imagePullSecret(
      String name, String sourceNamespace, String sourceName, String target) {
    return """
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata:
          name: %s
        spec:
          registry:
            credentials:
              - name: %s
                namespace: %s
          target:
        %s"""
        .formatted(name, sourceName, sourceNamespace, target.stripTrailing());
  }

  /**
   * Returns a target selecting namespaces by name.
   *
   * @param secretName the copy's name
   * @param namespaces the names
   * @return the YAML under {@code target:}
   */
  public static String namesTarget(String secretName, String... namespaces) {
    return """
            secret:
              name: %s
            namespaces:
              names: [%s]
        """
        .formatted(secretName, String.join(", ", namespaces));
  }
}
