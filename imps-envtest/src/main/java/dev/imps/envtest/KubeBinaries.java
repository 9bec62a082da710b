package dev.imps.envtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder holding the {@code etcd}, {@code kube-apiserver} and {@code kubectl} binaries a {@link
 * KubeControlPlane} runs.
 *
 * <p>{@link #locate()} looks in the same places as {@code scripts/k8s-binaries.sh} puts them:
 *
 * <ol>
 *   <li>the folder named by {@code KUBEBUILDER_ASSETS}, if that variable is set (what users of
 *       controller-runtime's {@code setup-envtest} already have); it must hold all three binaries;
 *   <li>otherwise the newest version folder under {@code ${XDG_CACHE_HOME:-$HOME/.cache}/imps/k8s/}
 *       that holds all three, so that {@code ./mvnw verify} works after one provisioning run.
 * </ol>
 *
 * <p>When neither gives the binaries, it throws {@link KubeBinariesNotFoundException} with a
 * message that says how to provide them: integration tests fail, they never skip.
 *
 * <p>Instances are immutable.
 *
 * @param directory the folder holding the three binaries
 */
public record KubeBinaries(Path directory) {

  /** The environment variable controller-runtime's envtest reads; it wins when set. */
  public static final String ASSETS_VARIABLE = "KUBEBUILDER_ASSETS";

  /** The binaries a control plane needs, by file name. */
  public static final List<String> NAMES = List.of("etcd", "kube-apiserver", "kubectl");

  /**
   * Validates and normalises the folder.
   *
   * @param directory the folder holding the three binaries
   * @throws NullPointerException if {@code directory} is null
   */
  public KubeBinaries {
    Objects.requireNonNull(directory, "directory");
    directory = directory.toAbsolutePath().normalize();
  }

  /**
   * Finds the binaries from this process's environment.
   *
   * @return the binaries to run
   * @throws KubeBinariesNotFoundException if no folder holds all three binaries
   */
  public static KubeBinaries locate() {
    return locate(System.getenv());
  }

  /**
   * Finds the binaries from the given environment (so the search can be tested without changing the
   * process's environment).
   *
   * @param environment the environment variables to read ({@code KUBEBUILDER_ASSETS}, {@code
   *     XDG_CACHE_HOME}, {@code HOME})
   * @return the binaries to run
   * @throws KubeBinariesNotFoundException if no folder holds all three binaries
   */
  public static KubeBinaries locate(Map<String, String> environment) {
    String assets = environment.get(ASSETS_VARIABLE);
    if (assets != null && !assets.isBlank()) {
      Path directory = Path.of(assets);
      List<String> missing = missingIn(directory);
      if (!missing.isEmpty()) {
        throw new KubeBinariesNotFoundException(
            ASSETS_VARIABLE
                + "="
                + assets
                + " lacks "
                + String.join(", ", missing)
                + "; "
                + KubeBinariesNotFoundException.HOW_TO_PROVIDE);
      }
      return new KubeBinaries(directory);
    }
    Optional<Path> cacheRoot = cacheRoot(environment);
    return cacheRoot
        .flatMap(KubeBinaries::newestComplete)
        .map(KubeBinaries::new)
        .orElseThrow(
            () ->
                new KubeBinariesNotFoundException(
                    "no etcd, kube-apiserver and kubectl found: "
                        + ASSETS_VARIABLE
                        + " is not set and "
                        + cacheRoot.map(Path::toString).orElse("$HOME/.cache/imps/k8s")
                        + " has no version folder holding all three; "
                        + KubeBinariesNotFoundException.HOW_TO_PROVIDE));
  }

  /**
   * Returns the etcd binary.
   *
   * @return the path of {@code etcd}
   */
  public Path etcd() {
    return directory.resolve("etcd");
  }

  /**
   * Returns the kube-apiserver binary.
   *
   * @return the path of {@code kube-apiserver}
   */
  public Path kubeApiServer() {
    return directory.resolve("kube-apiserver");
  }

  /**
   * Returns the kubectl binary.
   *
   * @return the path of {@code kubectl}
   */
  public Path kubectl() {
    return directory.resolve("kubectl");
  }

  private static Optional<Path> cacheRoot(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "imps", "k8s"));
    }
    String home = environment.get("HOME");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, ".cache", "imps", "k8s"));
    }
    return Optional.empty();
  }

  private static Optional<Path> newestComplete(Path cacheRoot) {
    if (!Files.isDirectory(cacheRoot)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(cacheRoot)) {
      return children
          .filter(Files::isDirectory)
          .filter(folder -> missingIn(folder).isEmpty())
          .max(
              Comparator.comparing(
                  folder -> folder.getFileName().toString(), VersionOrder.INSTANCE));
    } catch (IOException e) {
      throw new KubeBinariesNotFoundException(
          "cannot list "
              + cacheRoot
              + ": "
              + e.getMessage()
              + "; "
              + KubeBinariesNotFoundException.HOW_TO_PROVIDE);
    }
  }

  private static List<String> missingIn(Path directory) {
    return NAMES.stream()
        .filter(name -> !Files.isExecutable(directory.resolve(name)))
        .collect(Collectors.toList());
  }
}
