package dev.imps.deploy;

import dev.imps.testsupport.process.Command;
import dev.imps.testsupport.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The helm binary the chart tests run, and the helm commands they need.
 *
 * <p>{@link #locate(Map)} looks where {@code scripts/helm-binary.sh} puts helm:
 *
 * <ol>
 *   <li>the file named by {@value #HELM_VARIABLE} (what {@code scripts/test.sh} exports);
 *   <li>otherwise the newest {@code ${XDG_CACHE_HOME:-$HOME/.cache}/imps/helm/<version>/helm}.
 * </ol>
 *
 * <p>When neither gives an executable it throws with a message that says how to provide one: the
 * chart tests fail, they never skip.
 *
 * @param binary the helm executable
 */
record Helm(Path binary) {

  /** The environment variable naming the helm binary; it wins when set. */
  static final String HELM_VARIABLE = "IMPS_HELM";

  static final String HOW_TO_PROVIDE =
      "run scripts/helm-binary.sh (it builds helm with Go from the module proxy into"
          + " ~/.cache/imps/helm/<version>/helm, where the tests find it), or set "
          + HELM_VARIABLE
          + "=/path/to/helm";

  static Helm locate() {
    return locate(System.getenv());
  }

  static Helm locate(Map<String, String> environment) {
    String named = environment.get(HELM_VARIABLE);
    if (named != null && !named.isBlank()) {
      Path binary = Path.of(named);
      if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
        throw new IllegalStateException(
            HELM_VARIABLE + "=" + named + " is not an executable file; " + HOW_TO_PROVIDE);
      }
      return new Helm(binary);
    }
    Optional<Path> cache = cacheRoot(environment);
    return cache
        .flatMap(Helm::newestCached)
        .map(Helm::new)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "helm not found: "
                        + HELM_VARIABLE
                        + " is not set and "
                        + cache.map(Path::toString).orElse("$HOME/.cache/imps/helm")
                        + " holds no <version>/helm; "
                        + HOW_TO_PROVIDE));
  }

  /** {@code helm template}: renders the chart and returns the YAML stream. */
  CommandResult template(Path chart, String release, String namespace, List<Path> valuesFiles) {
    List<String> args = new ArrayList<>(List.of("template", release, chart.toString()));
    args.addAll(List.of("--namespace", namespace));
    valuesFiles.forEach(values -> args.addAll(List.of("--values", values.toString())));
    return run(args);
  }

  /** {@code helm lint --strict}, with the given values files. */
  CommandResult lint(Path chart, List<Path> valuesFiles) {
    List<String> args = new ArrayList<>(List.of("lint", "--strict", chart.toString()));
    valuesFiles.forEach(values -> args.addAll(List.of("--values", values.toString())));
    return run(args);
  }

  /** Runs helm with the given arguments, isolated from the user's helm configuration. */
  CommandResult run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    Path home = scratchHome();
    return Command.of(command)
        .inDirectory(home)
        .withEnvironment(
            Map.of(
                "HELM_CACHE_HOME",
                home.resolve("cache").toString(),
                "HELM_CONFIG_HOME",
                home.resolve("config").toString(),
                "HELM_DATA_HOME",
                home.resolve("data").toString(),
                "KUBECONFIG",
                home.resolve("no-kubeconfig").toString()))
        .run();
  }

  private static Path scratchHome() {
    try {
      Path home = Path.of(System.getProperty("java.io.tmpdir"), "imps-deploy-tests-helm");
      Files.createDirectories(home);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for helm", e);
    }
  }

  private static Optional<Path> cacheRoot(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "imps", "helm"));
    }
    String home = environment.get("HOME");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, ".cache", "imps", "helm"));
    }
    return Optional.empty();
  }

  private static Optional<Path> newestCached(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(dir -> dir.getFileName().toString().matches("v3\\.\\d+\\.\\d+.*"))
          .map(dir -> dir.resolve("helm"))
          .filter(helm -> Files.isRegularFile(helm) && Files.isExecutable(helm))
          .max(Comparator.comparing(helm -> versionKey(helm.getParent())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /** Orders v3.9.0 before v3.10.0: each number zero-padded. */
  static String versionKey(Path versionDirectory) {
    String[] parts = versionDirectory.getFileName().toString().substring(1).split("[.-]", 4);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      key.append(String.format("%08d", parts[i].matches("\\d+") ? Long.parseLong(parts[i]) : 0));
    }
    // A release sorts after its pre-releases (v3.10.0 > v3.10.0-rc.1).
    key.append(parts.length > 3 ? "0" + parts[3] : "1");
    return key.toString();
  }
}
