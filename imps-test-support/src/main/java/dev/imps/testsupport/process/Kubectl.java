package dev.imps.testsupport.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * kubectl with a given kubeconfig and, optionally, its own discovery cache (so the user's {@code
 * ~/.kube} is never read or written).
 *
 * @param binary the kubectl binary, or just {@code kubectl} to find it on the PATH
 * @param kubeconfig the kubeconfig
 * @param cacheDirectory kubectl's discovery and HTTP cache, or {@code null} for kubectl's default
 */
public record Kubectl(Path binary, Path kubeconfig, Path cacheDirectory) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if {@code binary} or {@code kubeconfig} is {@code null}
   */
  public Kubectl {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(kubeconfig, "kubeconfig");
  }

  /**
   * Returns the command {@code kubectl --kubeconfig=... [--cache-dir=...] args}, to adjust (input,
   * timeout, environment) before running it.
   *
   * @param args the arguments after the global flags
   * @return the command
   */
  public Command command(List<String> args) {
    List<String> line = new ArrayList<>();
    line.add(binary.toString());
    line.add("--kubeconfig=" + kubeconfig);
    if (cacheDirectory != null) {
      line.add("--cache-dir=" + cacheDirectory);
    }
    line.addAll(args);
    return Command.of(line);
  }

  /**
   * Runs kubectl to completion.
   *
   * @param input what to write to its standard input, or {@code null} for none
   * @param timeout how long it may run
   * @param args the arguments after the global flags
   * @return what it did
   */
  public CommandResult run(String input, Duration timeout, List<String> args) {
    return command(args).withInput(input).withTimeout(timeout).run();
  }
}
