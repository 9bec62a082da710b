package dev.imps.benchmarks.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts {@link OperatorJvm}s from one jar with one set of JVM options, each logging to its own
 * file.
 *
 * @param java the JDK or JRE that runs the operator
 * @param jar the operator's shaded jar ({@code imps-controller/target/imps.jar})
 * @param jvmOptions the JVM options every operator gets
 * @param logDirectory where the operators' logs go
 */
public record OperatorLauncher(
    JavaHome java, Path jar, List<String> jvmOptions, Path logDirectory) {

  /**
   * Validates and copies the options.
   *
   * @throws NullPointerException if a component is null
   */
  public OperatorLauncher {
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(jar, "jar");
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(logDirectory, "logDirectory");
  }

  /**
   * Returns a launcher that differs from this one in its JVM options only.
   *
   * @param options the options
   * @return the launcher
   */
  public OperatorLauncher withOptions(List<String> options) {
    return new OperatorLauncher(java, jar, options, logDirectory);
  }

  /**
   * Starts an operator at log level warn.
   *
   * @param kubeconfig the cluster
   * @param name the log file's name, without extension
   * @param flags more controller flags
   * @return the running operator (not yet ready)
   */
  public OperatorJvm start(Path kubeconfig, String name, List<String> flags) {
    List<String> all = new ArrayList<>();
    all.add("--log-level=warn");
    all.addAll(flags);
    return OperatorJvm.start(
        java.executable(), jar, kubeconfig, logDirectory.resolve(name + ".log"), jvmOptions, all);
  }
}
