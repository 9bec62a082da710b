package dev.imps.controller.reconcile;

import java.util.Objects;

/**
 * The namespace and name of a Secret.
 *
 * @param namespace the namespace
 * @param name the secret name
 */
public record SecretRef(String namespace, String name) implements Comparable<SecretRef> {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public SecretRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Returns the key IMPS uses in {@code status.sourceSecretStatus}.
   *
   * @return {@code <namespace>.<name>}
   */
  public String statusKey() {
    return namespace + "." + name;
  }

  @Override
  public int compareTo(SecretRef other) {
    int byNamespace = namespace.compareTo(other.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
  }

  /** Returns {@code <namespace>/<name>}, as kubectl prints it. */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
