package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.testsupport.process.LoggedProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  @TempDir Path temp;

  @Test
  void stop_ends_the_binary_not_only_its_guard() throws Exception {
    LoggedProcess process =
        ChildProcess.start("sleep", List.of("sleep", "300"), temp.resolve("log"));
    List<ProcessHandle> descendants = awaitDescendants(process);

    process.stopAtEndOfInput(Duration.ofSeconds(10));

    assertThat(process.isAlive()).isFalse();
    assertAllEnd(descendants);
  }

  @Test
  void a_binary_that_ignores_sigterm_is_killed_after_the_grace_period() throws Exception {
    Path log = temp.resolve("log");
    LoggedProcess process =
        ChildProcess.start(
            "stubborn",
            List.of("bash", "-c", "trap '' TERM; echo started; while :; do sleep 0.1; done"),
            log);
    List<ProcessHandle> descendants = awaitDescendants(process);
    awaitLog(log, "started");

    process.stopAtEndOfInput(Duration.ofMillis(500));

    assertThat(process.isAlive()).isFalse();
    assertAllEnd(descendants);
  }

  @Test
  void the_binary_dies_when_the_jvm_that_started_it_is_killed() throws Exception {
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StartSleepAndWait.class.getName(),
                temp.resolve("log").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long binaryPid;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      binaryPid = Long.parseLong(out.readLine().strip());
    }
    ProcessHandle binary = ProcessHandle.of(binaryPid).orElseThrow();
    assertThat(binary.isAlive()).isTrue();

    jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
    jvm.waitFor(10, TimeUnit.SECONDS);

    assertThat(binary.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void the_guard_exits_with_the_binary_and_keeps_its_status_and_output() throws Exception {
    LoggedProcess process =
        ChildProcess.start(
            "failing",
            List.of("sh", "-c", "echo bind: address in use; exit 3"),
            temp.resolve("log"));

    awaitEnd(process);

    assertThat(process.exitValue()).isEqualTo(3);
    assertThat(process.logTail(5)).isEqualTo("bind: address in use");
  }

  @Test
  void the_binary_reads_no_input_from_the_pipe_to_the_jvm() throws Exception {
    LoggedProcess process =
        ChildProcess.start(
            "reader", List.of("sh", "-c", "cat; echo input-closed"), temp.resolve("log"));

    awaitEnd(process);

    assertThat(process.logTail(1)).isEqualTo("input-closed");
  }

  @Test
  void the_log_tail_keeps_only_the_last_lines() throws Exception {
    LoggedProcess process =
        ChildProcess.start(
            "counter",
            List.of("sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done"),
            temp.resolve("log"));

    awaitEnd(process);

    assertThat(process.logTail(2)).isEqualTo("line 4\nline 5");
  }

  /** Runs in a separate JVM: starts {@code sleep 300} guarded, prints its pid, waits forever. */
  static final class StartSleepAndWait {
    public static void main(String[] args) throws Exception {
      LoggedProcess process =
          ChildProcess.start("sleep", List.of("sleep", "300"), Path.of(args[0]));
      long pid = sleepPid(process);
      for (int i = 0; i < 400 && pid < 0; i++) {
        Thread.sleep(25);
        pid = sleepPid(process);
      }
      System.out.println(pid);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }

    private static long sleepPid(LoggedProcess process) {
      return descendants(process).stream()
          .filter(h -> h.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
          .mapToLong(ProcessHandle::pid)
          .findFirst()
          .orElse(-1);
    }
  }

  /** Waits until the guard has started the binary and its pipe watcher. */
  private static List<ProcessHandle> awaitDescendants(LoggedProcess process)
      throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      List<ProcessHandle> descendants = descendants(process);
      if (descendants.size() >= 2) {
        return descendants;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the guard did not start its binary and watcher");
  }

  /** The guard's descendants, which include the binary; empty once it has ended. */
  private static List<ProcessHandle> descendants(LoggedProcess process) {
    return ProcessHandle.of(process.pid()).stream().flatMap(ProcessHandle::descendants).toList();
  }

  private static void assertAllEnd(List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle process : processes) {
      assertThat(process.onExit().get(10, TimeUnit.SECONDS).isAlive())
          .as("process %d ended", process.pid())
          .isFalse();
    }
  }

  private static void awaitLog(Path log, String text) throws InterruptedException, IOException {
    for (int i = 0; i < 400 && !Files.readString(log).contains(text); i++) {
      Thread.sleep(25);
    }
  }

  private static void awaitEnd(LoggedProcess process) throws InterruptedException {
    for (int i = 0; i < 400 && process.isAlive(); i++) {
      Thread.sleep(25);
    }
    assertThat(process.isAlive()).as("ended").isFalse();
  }
}
