package dev.imps.selector;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link NamespaceRule} needs to know about a pod, independent of any Kubernetes client.
 *
 * @param name the pod name, used in the explanation of a match
 * @param labels the pod labels; {@code null} becomes empty; copied, so later changes to the given
 *     map are not seen
 * @param annotations the pod annotations; {@code null} becomes empty; copied
 */
public record PodView(String name, Map<String, String> labels, Map<String, String> annotations) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code name}, or a key or value of a map, is {@code null}
   */
  public PodView {
    Objects.requireNonNull(name, "pod name");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /**
   * Creates a view of a pod with labels and no annotations.
   *
   * @param name the pod name
   * @param labels the pod labels; {@code null} means none
   * @return the view
   */
  public static PodView of(String name, Map<String, String> labels) {
    return new PodView(name, labels, Map.of());
  }
}
