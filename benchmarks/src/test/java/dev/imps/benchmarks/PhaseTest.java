package dev.imps.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhaseTest {

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("micro", Phase.MICRO),
        Arguments.of("ecr", Phase.ECR),
        Arguments.of("convergence", Phase.CONVERGENCE),
        Arguments.of("latency", Phase.LATENCY),
        Arguments.of(" API-cost ", Phase.API_COST),
        Arguments.of("memory", Phase.MEMORY),
        Arguments.of("scale", Phase.SCALE),
        Arguments.of("jvm", Phase.JVM));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("names")
  void phases_are_named_on_the_command_line_in_lower_case_with_dashes(String name, Phase phase) {
    assertThat(Phase.parse(name)).isEqualTo(phase);
    assertThat(Phase.parse(phase.flagName())).isEqualTo(phase);
  }

  @Test
  void an_unknown_phase_is_rejected_with_the_list_of_phases() {
    assertThatThrownBy(() -> Phase.parse("everything"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown phase 'everything'; phases are micro, ecr, convergence, latency, api-cost,"
                + " memory, scale, jvm");
  }

  @Test
  void
      convergence_latency_and_api_cost_share_one_control_plane_and_memory_and_scale_have_their_own() {
    assertThat(Stream.of(Phase.values()).filter(Phase::usesSharedCluster))
        .containsExactly(Phase.CONVERGENCE, Phase.LATENCY, Phase.API_COST);
  }
}
