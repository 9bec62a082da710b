package dev.imps.benchmarks.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a benchmark run was made, for the head of the results file.
 *
 * @param date the day it ran
 * @param machine what it ran on
 * @param command the command line
 * @param commit the git commit of the code measured, such as {@code 1a2b3c4} or {@code 1a2b3c4
 *     (with local changes)}
 * @param kubernetes the etcd / kube-apiserver build, such as {@code v1.34.4}
 * @param took how long the whole run took
 * @param phases how long each phase took, in order
 * @param failures phases that failed, with their error; empty when all ran
 */
public record RunInfo(
    LocalDate date,
    Machine machine,
    String command,
    String commit,
    String kubernetes,
    Duration took,
    Map<String, Duration> phases,
    List<String> failures) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public RunInfo {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(kubernetes, "kubernetes");
    Objects.requireNonNull(took, "took");
    phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
    failures = List.copyOf(failures);
  }
}
