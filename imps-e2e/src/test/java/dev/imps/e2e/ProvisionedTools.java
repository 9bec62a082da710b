package dev.imps.e2e;

import java.nio.file.Path;

/**
 * The programs {@code scripts/test.sh} provisions for the tests and names in environment variables.
 */
final class ProvisionedTools {

  private ProvisionedTools() {}

  /**
   * Returns kubectl from {@code $KUBEBUILDER_ASSETS} (scripts/k8s-binaries.sh).
   *
   * @return its path
   * @throws IllegalStateException if the variable is not set, saying how to set it
   */
  static Path kubectl() {
    return fromVariable("KUBEBUILDER_ASSETS", "k8s-binaries.sh").resolve("kubectl");
  }

  /**
   * Returns helm from {@code $IMPS_HELM} (scripts/helm-binary.sh).
   *
   * @return its path
   * @throws IllegalStateException if the variable is not set, saying how to set it
   */
  static Path helm() {
    return fromVariable("IMPS_HELM", "helm-binary.sh");
  }

  private static Path fromVariable(String variable, String script) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "%1$s is not set: run scripts/test.sh, or export %1$s=$(scripts/%2$s | tail -n 1)"
              .formatted(variable, script));
    }
    return Path.of(value);
  }
}
