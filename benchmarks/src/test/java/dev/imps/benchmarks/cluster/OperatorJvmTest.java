package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark runs the operator with the chart's JVM settings, not a copy that drifted. */
class OperatorJvmTest {

  private static String values() throws IOException {
    return Files.readString(
        Path.of("..", "deploy", "charts", "imps", "values.yaml"), StandardCharsets.UTF_8);
  }

  private static String value(String text, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    assertThat(matcher.find()).as("values.yaml has %s", regex).isTrue();
    return matcher.group(1);
  }

  @Test
  void the_jvm_options_are_the_charts() throws IOException {
    assertThat(String.join(" ", OperatorJvm.CHART_JVM_OPTIONS))
        .isEqualTo(value(values(), "^  options: \"([^\"]*)\""));
  }

  @Test
  void the_environment_is_the_charts() throws IOException {
    assertThat(OperatorJvm.CHART_ENVIRONMENT)
        .containsEntry("MALLOC_ARENA_MAX", value(values(), "^  mallocArenaMax: (\\S+)"));
  }
}
