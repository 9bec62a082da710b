package dev.imps.envtest;

import dev.imps.testsupport.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs kubectl against the control plane with the admin kubeconfig and a discovery cache inside the
 * data folder (never the user's {@code ~/.kube}).
 *
 * @param binary the kubectl binary
 * @param kubeconfig the admin kubeconfig
 * @param cacheDirectory kubectl's discovery and HTTP cache
 */
record Kubectl(Path binary, Path kubeconfig, Path cacheDirectory) {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs kubectl and returns what it printed on standard output.
   *
   * @param input what to write to its standard input, or null for none
   * @param args the arguments after {@code kubectl}
   * @return standard output
   * @throws KubectlException if kubectl exits with a non-zero status or times out
   * @throws java.io.UncheckedIOException if kubectl cannot be started
   */
  String run(String input, List<String> args) {
    CommandResult result =
        new dev.imps.testsupport.process.Kubectl(binary, kubeconfig, cacheDirectory)
            .run(input, TIMEOUT, args);
    if (!result.succeeded()) {
      throw new KubectlException(args, result);
    }
    return result.stdout();
  }
}
