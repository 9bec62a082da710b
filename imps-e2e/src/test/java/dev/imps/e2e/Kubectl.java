package dev.imps.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * kubectl with one kubeconfig, from {@code $KUBEBUILDER_ASSETS} (scripts/k8s-binaries.sh).
 *
 * @param kubeconfig the kubeconfig to use
 * @param cacheDirectory kubectl's discovery cache
 */
record Kubectl(Path kubeconfig, Path cacheDirectory) {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  String run(String input, List<String> args) {
    List<String> command =
        new dev.imps.testsupport.process.Kubectl(binary(), kubeconfig, cacheDirectory)
            .command(args)
            .line();
    return Commands.run(command, input, List.of(), TIMEOUT);
  }

  static Path binary() {
    String assets = System.getenv("KUBEBUILDER_ASSETS");
    if (assets == null || assets.isBlank()) {
      throw new IllegalStateException(
          "KUBEBUILDER_ASSETS is not set: run scripts/test.sh, or export"
              + " KUBEBUILDER_ASSETS=$(scripts/k8s-binaries.sh | tail -n 1)");
    }
    return Path.of(assets, "kubectl");
  }
}
