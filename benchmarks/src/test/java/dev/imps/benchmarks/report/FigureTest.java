package dev.imps.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FigureTest {

  private static final Target CONVERGENCE = Target.medianAtMost(1.3, "≤ 1.3 × limit");

  static Stream<Arguments> comparedWithTheLimit() {
    return Stream.of(
        Arguments.of(Summary.of(1.3, 1.2, 5.0), Summary.of(1.0, 1.1, 0.9), Target.Verdict.MET),
        Arguments.of(Summary.of(13.0), Summary.of(10.0), Target.Verdict.MET),
        Arguments.of(Summary.of(1.5, 1.4, 1.6), Summary.of(1.0), Target.Verdict.MISSED),
        Arguments.of(Summary.of(1.0), Summary.of(2.0), Target.Verdict.MET));
  }

  @ParameterizedTest(name = "imps {0} against limit {1} is {2}")
  @MethodSource("comparedWithTheLimit")
  void with_a_limit_the_target_bounds_the_ratio_of_medians(
      Summary imps, Summary limit, Target.Verdict verdict) {
    Figure figure = Figure.againstLimit("convergence", "n", imps, limit, "s", CONVERGENCE, "");

    assertThat(figure.ratio()).contains(imps.median() / limit.median());
    assertThat(figure.verdict()).isEqualTo(verdict);
  }

  static Stream<Arguments> checkedAlone() {
    return Stream.of(
        Arguments.of(Target.medianBelow(100, "< 100 ms"), Summary.of(99.0, 500.0, 20.0), "MET"),
        Arguments.of(Target.medianBelow(100, "< 100 ms"), Summary.of(100.0), "MISSED"),
        Arguments.of(Target.medianAtMost(256, "≤ 256 MiB"), Summary.of(256.0), "MET"),
        Arguments.of(Target.noneInAnyRun(), Summary.of(0.0, 0.0, 0.0), "MET"),
        Arguments.of(Target.noneInAnyRun(), Summary.of(0.0, 1.0, 0.0), "MISSED"),
        Arguments.of(Target.everyRunAtMost(2, "≤ 2"), Summary.of(2.0, 2.0, 2.0), "MET"),
        Arguments.of(Target.everyRunAtMost(2, "≤ 2"), Summary.of(2.0, 2.5, 1.0), "MISSED"),
        Arguments.of(Target.none(), Summary.of(1e9), "NONE"));
  }

  @ParameterizedTest(name = "{1} against {0} is {2}")
  @MethodSource("checkedAlone")
  void without_a_limit_the_target_checks_the_statistic_it_names(
      Target target, Summary value, String verdict) {
    Figure figure = Figure.of("s", "n", value, "", target, "");

    assertThat(figure.ratio()).isEmpty();
    assertThat(figure.verdict()).isEqualTo(Target.Verdict.valueOf(verdict));
  }
}
