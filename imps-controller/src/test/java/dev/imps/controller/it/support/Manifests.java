package dev.imps.controller.it.support;

import java.util.List;
import java.util.stream.Collectors;

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
    return imagePullSecret(name, sourceNamespace, List.of(sourceName), target);
  }

  /**
   * Returns an {@code ImagePullSecret} with one source and the given {@code spec.target} body.
   *
   * @param name the CR's name
   * @param source the source secret
   * @param target the YAML under {@code target:}, indented by four spaces per line
   * @return the YAML document
   */
  public static String imagePullSecret(String name, SourceSecret source, String target) {
    return imagePullSecret(name, source.namespace(), source.name(), target);
  }

  /**
   * Returns an {@code ImagePullSecret} with sources in one namespace, in the given order, and the
   * given {@code spec.target} body.
   *
   * @param name the CR's name
   * @param sourceNamespace the source secrets' namespace
   * @param sourceNames the source secrets' names
   * @param target the YAML under {@code target:}, indented by four spaces per line
   * @return the YAML document
   */
  public static String imagePullSecret(
      String name, String sourceNamespace, List<String> sourceNames, String target) {
    return """
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata:
          name: %s
        spec:
          registry:
            credentials:
        %s
          target:
        %s"""
        .formatted(name, credentials(sourceNamespace, sourceNames), target.stripTrailing());
  }

  private static String credentials(String namespace, List<String> names) {
    return names.stream()
        .map(source -> "      - name: " + source + "\n        namespace: " + namespace)
        .collect(Collectors.joining("\n"));
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

  /**
   * Returns a target selecting the namespaces that carry one label.
   *
   * @param secretName the copy's name
   * @param labelKey the label's key
   * @param labelValue the value it must have
   * @return the YAML under {@code target:}
   */
  public static String labelTarget(String secretName, String labelKey, String labelValue) {
    return """
            secret:
              name: %s
            namespaces:
              labels:
                - matchLabels:
                    %s: %s
        """
        .formatted(secretName, labelKey, labelValue);
  }
}
