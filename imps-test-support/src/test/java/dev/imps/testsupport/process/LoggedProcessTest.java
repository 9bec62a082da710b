package dev.imps.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoggedProcessTest {

  private static final Path LOGS = Path.of("target", "logged-process-test");

  @Test
  void theLogGoesToItsFileAndItsTailShowsTheLastLines() throws Exception {
    Path log = LOGS.resolve("tail-" + System.nanoTime() + ".log");
    try (LoggedProcess process =
        LoggedProcess.start(
            "printer", new ProcessBuilder("bash", "-c", "seq 1 5; echo err >&2"), log)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());

      assertThat(process.exitValue()).isZero();
      assertThat(process.logTail(2)).isEqualTo("5\nerr");
      assertThat(process.log()).startsWith("1\n2\n");
    }
  }

  static Stream<Arguments> stopEndsTheProcess() {
    return Stream.of(
        Arguments.of(
            "that honours SIGTERM within the grace",
            "trap 'exit 7' TERM; echo trapped; while :; do sleep 0.1; done",
            Duration.ofSeconds(30),
            7),
        Arguments.of(
            "that ignores SIGTERM, with SIGKILL once the grace is over",
            "trap '' TERM; echo trapped; while :; do sleep 0.1; done",
            Duration.ofMillis(500),
            128 + 9));
  }

  @ParameterizedTest(name = "stop ends a process {0}")
  @MethodSource
  void stopEndsTheProcess(String description, String script, Duration grace, int status) {
    LoggedProcess process =
        LoggedProcess.start(
            "stopped",
            new ProcessBuilder("bash", "-c", script),
            LOGS.resolve("stop-" + System.nanoTime() + ".log"));
    ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
    // A signal sent before bash has set its trap would end it the default way.
    await().atMost(Duration.ofSeconds(30)).until(() -> process.log().contains("trapped"));

    process.stop(grace);

    assertThat(handle.isAlive()).isFalse();
    assertThat(process.exitValue()).isEqualTo(status);
  }

  @Test
  void stopAtEndOfInputLetsAProcessThatReadsUntilThenEndByItself() {
    LoggedProcess process =
        LoggedProcess.start(
            "reader",
            new ProcessBuilder("bash", "-c", "cat >/dev/null; exit 5"),
            LOGS.resolve("input-" + System.nanoTime() + ".log"));

    process.stopAtEndOfInput(Duration.ofSeconds(30));

    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitValue()).as("its own status, not SIGKILL's").isEqualTo(5);
  }

  @Test
  void aMissingLogReadsAsANoteNamingTheFile() {
    Path missing = LOGS.resolve("never-written.log");

    assertThat(LogFile.tail(missing, 5)).contains("never-written.log");
    assertThat(LogFile.read(missing)).isEmpty();
  }
}
