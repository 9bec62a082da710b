package dev.imps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.testsupport.process.CommandResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint --strict} passes with the default values and with every ci values file. */
class ChartLintIT {

  private final Chart chart = Chart.locate();

  static List<String> valueSets() {
    return Chart.valueSets();
  }

  @ParameterizedTest(name = "helm lint --strict passes with {0}")
  @MethodSource("valueSets")
  void helm_lint_strict_passes(String valueSet) {
    List<Path> values =
        valueSet.equals(Chart.DEFAULTS)
            ? List.of()
            : List.of(chart.layout().chartCiValues().resolve(valueSet));

    CommandResult lint = chart.helm().lint(chart.layout().chart(), values);

    assertThat(lint.succeeded()).as(lint.describe()).isTrue();
    assertThat(lint.stdout()).contains("1 chart(s) linted, 0 chart(s) failed");
  }
}
