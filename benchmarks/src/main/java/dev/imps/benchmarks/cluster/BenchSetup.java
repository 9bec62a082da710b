package dev.imps.benchmarks.cluster;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every benchmark that runs the operator on a cluster is given: the cluster, how the operator
 * is started, and where progress lines go.
 *
 * @param cluster the cluster the benchmark builds on
 * @param launcher how the operator is started
 * @param progress where progress lines go
 */
public record BenchSetup(
    BenchCluster cluster, OperatorLauncher launcher, Consumer<String> progress) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public BenchSetup {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(progress, "progress");
  }

  /**
   * Sends one progress line.
   *
   * @param line the line
   */
  public void progress(String line) {
    progress.accept(line);
  }
}
