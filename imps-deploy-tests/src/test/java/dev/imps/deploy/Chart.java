package dev.imps.deploy;

import dev.imps.testsupport.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The imps Helm chart in {@code deploy/charts/imps}, rendered with the helm binary the tests use.
 *
 * @param helm the helm binary
 * @param layout where the chart is
 */
record Chart(Helm helm, RepositoryLayout layout) {

  static Chart locate() {
    return new Chart(Helm.locate(), RepositoryLayout.current());
  }

  /**
   * Renders the chart; fails with helm's message if it refuses.
   *
   * @param release the release name
   * @param namespace the release namespace
   * @param args more helm arguments, such as {@code --set key=value} or {@code --values file}
   */
  Manifests render(String release, String namespace, String... args) {
    return Manifests.parse(template(release, namespace, args).stdoutOrThrow());
  }

  /** Runs {@code helm template} and returns what happened, for tests that expect a refusal. */
  CommandResult template(String release, String namespace, String... args) {
    List<String> command = new ArrayList<>(List.of("template", release, layout.chart().toString()));
    command.addAll(List.of("--namespace", namespace));
    command.addAll(List.of(args));
    return helm.run(command);
  }

  /** The chart's test values files, {@code ci/*-values.yaml}, by file name. */
  static List<String> ciValuesFiles() {
    Path ci = RepositoryLayout.current().chartCiValues();
    try (Stream<Path> files = Files.list(ci)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith("-values.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + ci, e);
    }
  }

  /** The arguments that select a ci values file, or none for "defaults". */
  String[] valuesArgs(String ciValuesFile) {
    return ciValuesFile.equals(DEFAULTS)
        ? new String[0]
        : new String[] {"--values", layout.chartCiValues().resolve(ciValuesFile).toString()};
  }

  /** The name used in tables for "no values file". */
  static final String DEFAULTS = "defaults";

  /** {@link #DEFAULTS} followed by every ci values file. */
  static List<String> valueSets() {
    List<String> sets = new ArrayList<>();
    sets.add(DEFAULTS);
    sets.addAll(ciValuesFiles());
    return sets;
  }
}
