package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

  private static final String STATUS =
      """
      Name:\tjava
      VmPeak:\t 5000000 kB
      VmHWM:\t  300000 kB
      VmRSS:\t  250123 kB
      Threads:\t42
      """;

  @Test
  void fields_of_proc_status_are_read_in_kilobytes() {
    assertThat(ProcessMemory.statusKilobytes(STATUS, "VmRSS")).contains(250_123L);
    assertThat(ProcessMemory.statusKilobytes(STATUS, "VmHWM")).contains(300_000L);
    assertThat(ProcessMemory.statusKilobytes(STATUS, "VmSwap")).isEmpty();
  }

  @Test
  void this_jvms_resident_set_is_positive_and_at_most_its_peak() {
    long pid = ProcessHandle.current().pid();

    long resident = ProcessMemory.residentBytes(pid);

    assertThat(resident).isPositive();
    assertThat(ProcessMemory.peakResidentBytes(pid)).isGreaterThanOrEqualTo(resident);
  }

  @Test
  void the_class_histogram_is_read_largest_first_up_to_the_lines_asked_for() {
    String output =
        """
        12345:
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:        412345       52345678  [B (java.base@17.0.15)
           2:        400000        9600000  java.lang.String (java.base@17.0.15)
           3:        100000        4800000  dev.imps.controller.runtime.PartialObjectMetadata
        Total       912345       66745678
        """;

    assertThat(ProcessMemory.parseHistogram(output, 2))
        .containsExactly(
            new ProcessMemory.HistogramLine("[B", 412_345, 52_345_678),
            new ProcessMemory.HistogramLine("java.lang.String", 400_000, 9_600_000));
  }
}
