package dev.imps.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class BenchCommandTest {

  @TempDir Path results;

  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of(new String[] {"--runs", "0"}, "--runs must be at least 1, got 0"),
        Arguments.of(new String[] {"--namespaces", "-5"}, "--namespaces must be at least 1"),
        Arguments.of(new String[] {"--profiles", "50/100"}, "--profiles: client profile '50/100'"),
        Arguments.of(new String[] {"--only", "micro,all"}, "--only: unknown phase 'all'"),
        Arguments.of(new String[] {"--latency-rate", "0"}, "--latency-rate must be positive"),
        Arguments.of(
            new String[] {"--only", "memory", "--operator-jar", "/nonexistent/imps.jar"},
            "--operator-jar /nonexistent/imps.jar does not exist"),
        Arguments.of(new String[] {"--runs", "many"}, "Invalid value for option '--runs'"));
  }

  @ParameterizedTest(name = "{0} exits 2: {1}")
  @MethodSource("badFlags")
  void a_bad_flag_exits_2_before_anything_runs_and_names_the_flag(String[] args, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    CommandLine command =
        BenchMain.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8))
            .setErr(new PrintWriter(err, true));

    int status = command.execute(append(args, "--results-dir", results.toString()));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("phase");
    assertThat(results).isEmptyDirectory();
  }

  private static String[] append(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
