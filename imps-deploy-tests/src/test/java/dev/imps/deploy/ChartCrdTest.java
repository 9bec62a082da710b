package dev.imps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart's {@code templates/crd.yaml} is imps-api's CRD, wrapped: one source of truth. When this
 * fails, run {@code scripts/sync-chart-crd.sh}.
 */
class ChartCrdTest {

  private final RepositoryLayout layout = RepositoryLayout.current();

  @Test
  void without_its_template_lines_the_chart_crd_is_the_imps_api_crd_byte_for_byte()
      throws IOException {
    List<String> source = Files.readAllLines(layout.crdSource());
    List<String> chartWithoutTemplateLines =
        Files.readAllLines(layout.chartCrd()).stream()
            .filter(line -> !line.contains("{{"))
            .toList();

    assertThat(chartWithoutTemplateLines)
        .as(
            "%s minus its template lines must equal %s; run scripts/sync-chart-crd.sh",
            layout.chartCrd(), layout.crdSource())
        .containsExactlyElementsOf(source);
  }

  @Test
  void the_imps_api_crd_holds_no_text_that_helm_would_read_as_a_template() throws IOException {
    assertThat(Files.readString(layout.crdSource())).doesNotContain("{{");
  }
}
