package dev.imps.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Markdown results file: how the run was made, the table, the targets missed, how each figure
 * was measured, and every run's value.
 */
public final class ResultsFile {

  private ResultsFile() {}

  /**
   * Returns the file name for a run.
   *
   * @param info the run
   * @return {@code <yyyy-mm-dd>-<machine>.md}
   */
  public static String fileName(RunInfo info) {
    return info.date() + "-" + info.machine().name() + ".md";
  }

  /**
   * Writes the file into a folder, replacing one of the same day and machine.
   *
   * @param folder the folder, created if missing
   * @param info the run
   * @param table the results
   * @return the file written
   * @throws IOException if it cannot be written
   */
  public static Path write(Path folder, RunInfo info, ResultTable table) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(fileName(info));
    Files.writeString(file, markdown(info, table), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Renders the file.
   *
   * @param info the run
   * @param table the results
   * @return the Markdown text
   */
  public static String markdown(RunInfo info, ResultTable table) {
    StringBuilder out = new StringBuilder();
    out.append("# imps benchmarks, ")
        .append(info.date())
        .append(", ")
        .append(info.machine().name())
        .append("\n\n");
    out.append("- Command: `").append(info.command()).append("`\n");
    out.append("- Code: commit ").append(info.commit()).append('\n');
    out.append("- Machine: ").append(info.machine().describe()).append('\n');
    out.append("- Control plane: etcd + kube-apiserver ")
        .append(info.kubernetes())
        .append(" on 127.0.0.1 (imps-envtest), no controller-manager, no nodes\n");
    out.append("- Took: ")
        .append(minutes(info.took()))
        .append(" (")
        .append(
            info.phases().entrySet().stream()
                .map(e -> e.getKey() + " " + minutes(e.getValue()))
                .collect(Collectors.joining(", ")))
        .append(")\n\n");
    out.append("Every figure is the median of its runs, with the smallest and largest run in")
        .append(" brackets and the number of runs. Where a limit is given, it is the same")
        .append(" measurement for a tight parallel client loop with the same client settings, and")
        .append(" the target bounds imps / limit (ratio of medians).\n\n");
    out.append("## Results\n\n").append(table.toMarkdown()).append('\n');
    List<Figure> missed = table.missed();
    if (!info.failures().isEmpty()) {
      out.append("**Phases that failed:**\n\n");
      info.failures().forEach(f -> out.append("- ").append(f).append('\n'));
      out.append('\n');
    }
    if (missed.isEmpty()) {
      out.append("All targets measured here are met.\n\n");
    } else {
      out.append("**Targets missed:** ")
          .append(
              missed.stream()
                  .map(f -> f.section() + " — " + f.name())
                  .collect(Collectors.joining("; ")))
          .append(".\n\n");
    }
    out.append("## How each figure was measured\n\n");
    for (Figure figure : table.figures()) {
      out.append("- **")
          .append(figure.section())
          .append(" — ")
          .append(figure.name())
          .append("**: ")
          .append(figure.note().isEmpty() ? "see the benchmark's javadoc" : figure.note())
          .append('\n');
    }
    out.append("\n## Every run\n\n");
    for (Figure figure : table.figures()) {
      out.append("- ")
          .append(figure.section())
          .append(" — ")
          .append(figure.name())
          .append(": imps ")
          .append(runs(figure.value(), figure.unit()));
      figure.limit().ifPresent(l -> out.append("; limit ").append(runs(l, figure.unit())));
      out.append('\n');
    }
    return out.toString();
  }

  private static String runs(Summary summary, String unit) {
    return summary.runs().stream().map(Numbers::format).collect(Collectors.joining(", "))
        + (unit.isEmpty() ? "" : " " + unit);
  }

  private static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120 ? seconds + " s" : String.format("%.1f min", seconds / 60.0);
  }

  /**
   * Returns the phases as text for the console.
   *
   * @param phases the phase durations
   * @return {@code name 12 s, ...}
   */
  public static String describePhases(Map<String, Duration> phases) {
    return phases.entrySet().stream()
        .map(e -> e.getKey() + " " + minutes(e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
