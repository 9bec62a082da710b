package dev.imps.testing;

import dev.imps.controller.plan.ClusterObjects;
import dev.imps.controller.plan.ClusterPlanner;
import dev.imps.controller.plan.ManifestReader;
import dev.imps.controller.plan.PlanCredentials;
import dev.imps.controller.plan.PlanInputException;
import dev.imps.controller.plan.PlanReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the operator would do with a set of manifests, planned offline exactly as {@code imps plan
 * PATH...} plans them: Namespaces, Pods, Secrets, ServiceAccounts and ImagePullSecrets read from
 * YAML/JSON files and folders, and each ImagePullSecret planned by the operator's own reconcile
 * planner. ECR sources are never resolved, so no test calls AWS.
 *
 * <p>Input that cannot be read (a YAML error, an object the CRD schema rejects) does not throw: the
 * plan keeps the error, and {@link ImpsPlanAssert#isValid()} and every other assertion fail with
 * it, naming the file, document and field.
 *
 * <p>Immutable and thread-safe: plan once per test class and assert many times.
 */
public final class ImpsPlan {

  private final String input;
  private final Optional<PlanReport> report;
  private final Optional<String> inputError;

  private ImpsPlan(String input, Optional<PlanReport> report, Optional<String> inputError) {
    this.input = input;
    this.report = report;
    this.inputError = inputError;
  }

  /**
   * Plans the manifests of files and folders (folders recursively, files ending in {@code .yaml},
   * {@code .yml} or {@code .json}).
   *
   * @param paths at least one file or folder
   * @return the plan, or the input error it met
   * @throws IllegalArgumentException if no path is given
   * @throws NullPointerException if a path is {@code null}
   */
  public static ImpsPlan of(Path... paths) {
    return of(List.of(paths));
  }

  /**
   * Plans the manifests of files and folders.
   *
   * @param paths at least one file or folder
   * @return the plan, or the input error it met
   * @throws IllegalArgumentException if the list is empty
   * @throws NullPointerException if a path is {@code null}
   */
  public static ImpsPlan of(List<Path> paths) {
    List<Path> files = List.copyOf(paths);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one file or folder");
    }
    String input = files.stream().map(Path::toString).collect(Collectors.joining(", "));
    ClusterObjects objects;
    try {
      objects = ManifestReader.read(files);
    } catch (PlanInputException e) {
      return new ImpsPlan(input, Optional.empty(), Optional.of(e.getMessage()));
    }
    try (PlanCredentials credentials = PlanCredentials.offline()) {
      return new ImpsPlan(
          input, Optional.of(ClusterPlanner.plan(objects, credentials, input)), Optional.empty());
    }
  }

  /**
   * Returns what was planned.
   *
   * @return the paths, comma separated
   */
  public String input() {
    return input;
  }

  /**
   * Returns why the input could not be planned.
   *
   * @return the error, naming file, document and field; empty when the input was read
   */
  public Optional<String> inputError() {
    return inputError;
  }

  /**
   * Returns the whole plan, as {@code imps plan -o json} prints it.
   *
   * @return the report
   * @throws IllegalStateException if the input could not be read; the message is the input error
   */
  public PlanReport report() {
    return report.orElseThrow(
        () -> new IllegalStateException("the input cannot be planned: " + inputError.get()));
  }

  @Override
  public String toString() {
    return "the plan of " + input;
  }
}
