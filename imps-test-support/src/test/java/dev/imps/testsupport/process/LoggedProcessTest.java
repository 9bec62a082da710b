package dev.imps.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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

  @Test
  void stopEndsAProcessThatHonoursSigtermWithinTheGrace() {
    LoggedProcess process =
        LoggedProcess.start(
            "sleeper",
            new ProcessBuilder("bash", "-c", "trap 'exit 7' TERM; while :; do sleep 0.1; done"),
            LOGS.resolve("term-" + System.nanoTime() + ".log"));

    process.stop(Duration.ofSeconds(30));

    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitValue()).isEqualTo(7);
  }

  @Test
  void stopKillsAProcessThatIgnoresSigtermOnceTheGraceIsOver() {
    LoggedProcess process =
        LoggedProcess.start(
            "stubborn",
            new ProcessBuilder("bash", "-c", "trap '' TERM; while :; do sleep 0.1; done"),
            LOGS.resolve("kill-" + System.nanoTime() + ".log"));
    ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();

    process.stop(Duration.ofMillis(500));

    assertThat(process.isAlive()).isFalse();
    assertThat(handle.isAlive()).isFalse();
  }

  @Test
  void aMissingLogReadsAsANoteNamingTheFile() {
    Path missing = LOGS.resolve("never-written.log");

    assertThat(LogFile.tail(missing, 5)).contains("never-written.log");
    assertThat(LogFile.read(missing)).isEmpty();
  }
}
