package dev.imps.controller.reconcile;

import dev.imps.selector.NamespaceView;
import java.util.Map;
import java.util.Objects;

/**
 * What the reconciler knows about one namespace, as an informer cache holds it.
 *
 * @param name the namespace name
 * @param uid the namespace {@code metadata.uid}; may be empty in offline plans
 * @param labels the labels; {@code null} becomes empty; copied
 * @param annotations the annotations; {@code null} becomes empty; copied
 * @param terminating whether the namespace is being deleted ({@code metadata.deletionTimestamp} set
 *     or {@code status.phase} {@code Terminating}); imps neither writes to nor reports errors about
 *     such a namespace
 */
public record NamespaceSnapshot(
    String name,
    String uid,
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean terminating) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code name} is {@code null}
   */
  public NamespaceSnapshot {
    Objects.requireNonNull(name, "namespace name");
    uid = uid == null ? "" : uid;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /**
   * Creates an active namespace with labels only, as tests and offline plans need.
   *
   * @param name the namespace name
   * @param labels the labels
   * @return the snapshot
   */
  public static NamespaceSnapshot active(String name, Map<String, String> labels) {
    return new NamespaceSnapshot(name, "", labels, Map.of(), false);
  }

  /**
   * Returns the view the namespace rule evaluates.
   *
   * @return name, labels and annotations
   */
  public NamespaceView view() {
    return new NamespaceView(name, labels, annotations);
  }
}
