package dev.imps.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * kubectl with one kubeconfig ({@link ProvisionedTools#kubectl()}).
 *
 * @param kubeconfig the kubeconfig to use
 * @param cacheDirectory kubectl's discovery cache
 */
record Kubectl(Path kubeconfig, Path cacheDirectory) {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  String run(String input, List<String> args) {
    List<String> command =
        new dev.imps.testsupport.process.Kubectl(
                ProvisionedTools.kubectl(), kubeconfig, cacheDirectory)
            .command(args)
            .line();
    return Commands.run(command, input, List.of(), TIMEOUT);
  }
}
