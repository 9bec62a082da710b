package dev.imps.selector;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link NamespaceRule} needs to know about a namespace, independent of any Kubernetes client.
 *
 * @param name the namespace name
 * @param labels the namespace labels; {@code null} becomes empty; copied, so later changes to the
 *     given map are not seen
 * @param annotations the namespace annotations; {@code null} becomes empty; copied
 */
public record NamespaceView(
    String name, Map<String, String> labels, Map<String, String> annotations) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code name}, or a key or value of a map, is {@code null}
   */
  public NamespaceView {
    Objects.requireNonNull(name, "namespace name");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /**
   * Creates a view of a namespace with labels and no annotations.
   *
   * @param name the namespace name
   * @param labels the namespace labels; {@code null} means none
   * @return the view
   */
  public static NamespaceView of(String name, Map<String, String> labels) {
    return new NamespaceView(name, labels, Map.of());
  }
}
