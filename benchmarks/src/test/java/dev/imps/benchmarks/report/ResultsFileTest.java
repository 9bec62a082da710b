package dev.imps.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

  private static final Machine MACHINE =
      new Machine("vm-2cpu-24gib", "Some CPU", 2, 23.4, "Debian GNU/Linux 12", "OpenJDK 17");

  private static RunInfo info(List<String> failures) {
    Map<String, Duration> phases = new LinkedHashMap<>();
    phases.put("micro", Duration.ofSeconds(20));
    phases.put("memory", Duration.ofMinutes(6));
    return new RunInfo(
        LocalDate.of(2026, 11, 28),
        MACHINE,
        "scripts/bench.sh",
        "1a2b3c4",
        "v1.34.4",
        Duration.ofMinutes(14),
        phases,
        failures);
  }

  private static final ResultTable TABLE =
      ResultTable.of(
          List.of(
              Figure.of(
                  "latency",
                  "p99",
                  Summary.of(600.0, 700.0, 650.0),
                  "ms",
                  Target.medianBelow(500, "< 500 ms"),
                  "how it was measured")));

  @Test
  void the_file_is_named_by_date_and_machine() {
    assertThat(ResultsFile.fileName(info(List.of()))).isEqualTo("2026-11-28-vm-2cpu-24gib.md");
  }

  @Test
  void the_file_says_how_the_run_was_made_then_gives_the_table_misses_notes_and_every_run() {
    String markdown = ResultsFile.markdown(info(List.of()), TABLE);

    assertThat(markdown)
        .startsWith("# imps benchmarks, 2026-11-28, vm-2cpu-24gib\n")
        .contains("- Command: `scripts/bench.sh`")
        .contains("- Code: commit 1a2b3c4")
        .contains("2 cores (Some CPU), 23.4 GiB, Debian GNU/Linux 12, OpenJDK 17")
        .contains("- Took: 14.0 min (micro 20 s, memory 6.0 min)")
        .contains("| latency | p99 | 650 ms (600–700, 3) |  |  | < 500 ms | MISSED |")
        .contains("**Targets missed:** latency — p99.")
        .contains("- **latency — p99**: how it was measured")
        .contains("- latency — p99: imps 600, 700, 650 ms")
        .doesNotContain("Phases that failed");
  }

  @Test
  void failed_phases_are_listed() {
    assertThat(ResultsFile.markdown(info(List.of("memory: boom")), TABLE))
        .contains("**Phases that failed:**\n\n- memory: boom\n");
  }

  @Test
  void writing_creates_the_folder_and_replaces_a_file_of_the_same_day(@TempDir Path dir)
      throws Exception {
    Path folder = dir.resolve("results");

    ResultsFile.write(folder, info(List.of("old")), TABLE);
    Path file = ResultsFile.write(folder, info(List.of()), TABLE);

    assertThat(file).isEqualTo(folder.resolve("2026-11-28-vm-2cpu-24gib.md"));
    assertThat(Files.readString(file)).doesNotContain("old");
  }

  @Test
  void the_default_machine_name_is_host_cores_and_memory_in_lower_case() {
    assertThat(Machine.defaultName("VM_01", 2, 23.4)).isEqualTo("vm-01-2cpu-23gib");
  }
}
