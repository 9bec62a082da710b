package dev.imps.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandTest {

  private static final Path WORK = Path.of("target", "command-test").toAbsolutePath();

  static Stream<Arguments> aCommandReportsWhatItDid() {
    return Stream.of(
        row("its standard output", "echo out", c -> c, 0, "out\n", ""),
        row("its standard error and status", "echo err >&2; exit 3", c -> c, 3, "", "err\n"),
        row("the input it was given", "cat", c -> c.withInput("fed in"), 0, "fed in", ""),
        row(
            "the environment it was given",
            "printf %s \"$IMPS_TEST_VALUE\"",
            c -> c.withEnvironment(Map.of("IMPS_TEST_VALUE", "set")),
            0,
            "set",
            ""),
        row(
            "the directory it ran in",
            "basename \"$PWD\"",
            c -> c.inDirectory(WORK),
            0,
            "command-test\n",
            ""));
  }

  @ParameterizedTest(name = "a command reports {0}")
  @MethodSource
  void aCommandReportsWhatItDid(
      String description,
      String script,
      UnaryOperator<Command> adjust,
      int status,
      String stdout,
      String stderr)
      throws Exception {
    Files.createDirectories(WORK);

    CommandResult result = adjust.apply(Command.of(List.of("bash", "-c", script))).run();

    assertThat(result.exitStatus()).as(result.describe()).isEqualTo(status);
    assertThat(result.stdout()).isEqualTo(stdout);
    assertThat(result.stderr()).isEqualTo(stderr);
    assertThat(result.succeeded()).isEqualTo(status == 0);
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsKilledAndReportedAsTimedOut() {
    long started = System.nanoTime();

    CommandResult result =
        Command.of(List.of("sleep", "60")).withTimeout(Duration.ofMillis(300)).run();

    assertThat(result.timedOut()).isTrue();
    assertThat(result.stderr()).contains("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aFailedCommandsDescriptionNamesItButNeverItsInput() {
    CommandResult result =
        Command.of(List.of("bash", "-c", "cat >/dev/null; echo nope >&2; exit 1"))
            .withInput("s3cr3t-input")
            .run();

    assertThatThrownBy(result::stdoutOrThrow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with 1")
        .hasMessageContaining("nope")
        .hasMessageNotContaining("s3cr3t-input");
  }

  @Test
  void kubectlGetsTheKubeconfigAndCacheBeforeTheArguments() {
    Kubectl kubectl = new Kubectl(Path.of("kubectl"), Path.of("k.yaml"), Path.of("cache"));

    assertThat(kubectl.command(List.of("get", "ns")).line())
        .containsExactly("kubectl", "--kubeconfig=k.yaml", "--cache-dir=cache", "get", "ns");
    assertThat(new Kubectl(Path.of("kubectl"), Path.of("k.yaml"), null).command(List.of()).line())
        .containsExactly("kubectl", "--kubeconfig=k.yaml");
  }

  private static Arguments row(
      String description,
      String script,
      UnaryOperator<Command> adjust,
      int status,
      String stdout,
      String stderr) {
    return Arguments.of(description, script, adjust, status, stdout, stderr);
  }
}
