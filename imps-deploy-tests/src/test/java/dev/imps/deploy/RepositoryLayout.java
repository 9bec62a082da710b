package dev.imps.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the deploy artefacts live in the git checkout. The root comes from the system property
 * {@value #ROOT_PROPERTY} (set by the module's pom), else from the first parent of the working
 * directory that holds the chart.
 *
 * @param root the repository root
 */
record RepositoryLayout(Path root) {

  static final String ROOT_PROPERTY = "imps.repository.root";

  static RepositoryLayout current() {
    String property = System.getProperty(ROOT_PROPERTY);
    if (property != null && !property.isBlank()) {
      return new RepositoryLayout(Path.of(property).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/charts/imps/Chart.yaml"))) {
        return new RepositoryLayout(dir);
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root: set -D" + ROOT_PROPERTY + "=<checkout>");
  }

  /** The Helm chart folder. */
  Path chart() {
    return root.resolve("deploy/charts/imps");
  }

  /** The chart's test values files ({@code ci/*-values.yaml}, the chart-testing convention). */
  Path chartCiValues() {
    return chart().resolve("ci");
  }

  /** The plain manifests rendered from the chart. */
  Path manifests() {
    return root.resolve("deploy/manifests");
  }

  /** The RBAC the operator's integration tests run under. */
  Path rbacManifest() {
    return manifests().resolve("rbac.yaml");
  }

  /** The CRD as imps-api ships it: the one source of truth. */
  Path crdSource() {
    return root.resolve(
        "imps-api/src/main/resources/dev/imps/api/imagepullsecrets.images.banzaicloud.io.yaml");
  }

  /** The chart's copy of the CRD. */
  Path chartCrd() {
    return chart().resolve("templates/crd.yaml");
  }

  /** A script under {@code scripts/}. */
  Path script(String name) {
    return root.resolve("scripts").resolve(name);
  }
}
