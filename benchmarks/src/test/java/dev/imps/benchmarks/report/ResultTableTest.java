package dev.imps.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  private static final Figure CONVERGENCE =
      Figure.againstLimit(
          "convergence",
          "1000 namespaces",
          Summary.of(1.4, 1.3, 1.5),
          Summary.of(1.0, 1.1, 0.9),
          "s",
          Target.medianAtMost(1.3, "≤ 1.3 × limit"),
          "note");
  private static final Figure WRITES =
      Figure.of(
          "api cost", "writes | resync", Summary.of(0.0, 0.0, 0.0), "", Target.noneInAnyRun(), "");

  @Test
  void a_figure_compared_with_the_limit_shows_both_ranges_the_ratio_the_target_and_the_verdict() {
    assertThat(ResultTable.cells(CONVERGENCE))
        .containsExactly(
            "convergence",
            "1000 namespaces",
            "1.40 s (1.30–1.50, 3)",
            "1 s (0.900–1.10)",
            "1.40",
            "≤ 1.3 × limit",
            "MISSED");
  }

  @Test
  void a_figure_without_a_limit_leaves_the_limit_and_ratio_cells_empty() {
    assertThat(ResultTable.cells(WRITES))
        .containsExactly("api cost", "writes | resync", "0 (0–0, 3)", "", "", "0", "met");
  }

  @Test
  void markdown_has_a_header_a_rule_and_one_row_per_figure_with_pipes_escaped() {
    String markdown = ResultTable.of(List.of(CONVERGENCE, WRITES)).toMarkdown();

    assertThat(markdown.lines())
        .hasSize(4)
        .element(1)
        .isEqualTo("| --- | --- | --- | --- | --- | --- | --- |");
    assertThat(markdown.lines().toList().get(3)).startsWith("| api cost | writes \\| resync |");
  }

  @Test
  void plain_text_pads_every_column_to_its_widest_cell() {
    List<String> lines = ResultTable.of(List.of(CONVERGENCE, WRITES)).toText().lines().toList();

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).indexOf("figure")).isEqualTo(lines.get(2).indexOf("1000 namespaces"));
    assertThat(lines.get(1)).matches("-+");
  }

  @Test
  void only_figures_whose_target_is_missed_are_listed_as_missed() {
    assertThat(ResultTable.of(List.of(CONVERGENCE, WRITES)).missed()).containsExactly(CONVERGENCE);
  }
}
