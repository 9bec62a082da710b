package dev.imps.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The results side by side: imps's figure, the limit, their ratio, the target and the verdict, as
 * aligned plain text for the console and as a Markdown table for the results file.
 */
public final class ResultTable {

  private static final List<String> HEADER =
      List.of(
          "benchmark",
          "figure",
          "imps: median (min–max, runs)",
          "limit: median (min–max)",
          "imps / limit",
          "target",
          "verdict");

  private final List<Figure> figures;

  private ResultTable(List<Figure> figures) {
    this.figures = List.copyOf(figures);
  }

  /**
   * Creates a table of figures in the order given.
   *
   * @param figures the figures
   * @return the table
   */
  public static ResultTable of(List<Figure> figures) {
    Objects.requireNonNull(figures, "figures must not be null");
    return new ResultTable(figures);
  }

  /**
   * Returns the figures.
   *
   * @return the figures in table order
   */
  public List<Figure> figures() {
    return figures;
  }

  /**
   * Returns the figures whose target is missed.
   *
   * @return those figures, in table order
   */
  public List<Figure> missed() {
    return figures.stream().filter(f -> f.verdict() == Target.Verdict.MISSED).toList();
  }

  /**
   * Renders the table in GitHub Markdown; {@code |} in a cell is escaped.
   *
   * @return the table, one line per figure after the header and its rule
   */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append(markdownLine(HEADER));
    List<String> rule = new ArrayList<>();
    HEADER.forEach(h -> rule.add("---"));
    out.append(markdownLine(rule));
    for (Figure figure : figures) {
      out.append(markdownLine(cells(figure)));
    }
    return out.toString();
  }

  /**
   * Renders the table as plain text with columns padded to their widest cell.
   *
   * @return the table
   */
  public String toText() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    figures.forEach(f -> rows.add(cells(f)));
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == 0 ? "" : "  ").append(pad(row.get(i), widths[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w;
        }
        out.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Returns the cells of one figure, in header order.
   *
   * @param figure the figure
   * @return seven cells
   */
  static List<String> cells(Figure figure) {
    Summary value = figure.value();
    String imps = withUnit(value.median(), figure.unit()) + " " + range(value, true);
    String limit =
        figure
            .limit()
            .map(l -> withUnit(l.median(), figure.unit()) + " " + range(l, false))
            .orElse("");
    String ratio = figure.ratio().map(Numbers::format).orElse("");
    String verdict =
        switch (figure.verdict()) {
          case MET -> "met";
          case MISSED -> "MISSED";
          case NONE -> "";
        };
    return List.of(
        figure.section(), figure.name(), imps, limit, ratio, figure.target().text(), verdict);
  }

  private static String range(Summary summary, boolean withRuns) {
    return "("
        + Numbers.format(summary.min())
        + "–"
        + Numbers.format(summary.max())
        + (withRuns ? ", " + summary.count() : "")
        + ")";
  }

  private static String withUnit(double value, String unit) {
    return unit.isEmpty() ? Numbers.format(value) : Numbers.format(value) + " " + unit;
  }

  private static String markdownLine(List<String> cells) {
    StringBuilder line = new StringBuilder("|");
    for (String cell : cells) {
      line.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return line.append('\n').toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
