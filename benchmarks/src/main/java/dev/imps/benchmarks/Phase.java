package dev.imps.benchmarks;

import java.util.Locale;

/** The parts of a benchmark run, in the order they run. */
public enum Phase {
  /** JMH microbenchmarks of selector evaluation and rendering. */
  MICRO,
  /** ECR calls per credential over a simulated day. */
  ECR,
  /** Convergence against the tight-loop limit. */
  CONVERGENCE,
  /** Latency of namespace created → copy present. */
  LATENCY,
  /** API requests during no-op periodic resyncs. */
  API_COST,
  /** The operator's memory at 10 000 namespaces and 100 000 pods. */
  MEMORY,
  /**
   * Fast at any size: CPU per namespace event at two sizes, latency at 10 000 namespaces, 100 000
   * pods and 100 objects with mixed clauses.
   */
  SCALE,
  /** Start-up to ready and RSS on an empty cluster for candidate JVM options. */
  JVM;

  /**
   * Returns the name used on the command line.
   *
   * @return such as {@code api-cost}
   */
  public String flagName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a command-line name.
   *
   * @param text such as {@code api-cost}
   * @return the phase
   * @throws IllegalArgumentException listing the names if {@code text} is none of them
   */
  public static Phase parse(String text) {
    for (Phase phase : values()) {
      if (phase.flagName().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return phase;
      }
    }
    throw new IllegalArgumentException(
        "unknown phase '"
            + text
            + "'; phases are micro, ecr, convergence, latency, api-cost, memory, scale, jvm");
  }

  /**
   * Tells whether the phase runs on the shared control plane of the cluster benchmarks.
   *
   * @return true for convergence, latency and api-cost
   */
  public boolean usesSharedCluster() {
    return this == CONVERGENCE || this == LATENCY || this == API_COST;
  }
}
