package dev.imps.benchmarks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time as Linux reports it in {@code /proc/<pid>/stat}. */
public final class ProcessCpu {

  /** Clock ticks per second of {@code utime}/{@code stime}: {@code USER_HZ}, 100 on Linux. */
  static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {}

  /**
   * Returns the CPU time the process has used, user plus system, all threads.
   *
   * @param pid the process
   * @return seconds, at a resolution of 10 ms
   */
  public static double seconds(long pid) {
    try {
      return secondsOf(
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/stat", e);
    }
  }

  /**
   * Parses {@code utime + stime} from the text of {@code /proc/<pid>/stat}.
   *
   * @param stat the file's text
   * @return seconds
   * @throws IllegalArgumentException if the text is not a stat line
   */
  static double secondsOf(String stat) {
    // The command name (field 2) may hold spaces and parentheses; fields after its last ')' are
    // plain. utime and stime are fields 14 and 15, i.e. the 12th and 13th after the state.
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
    }
    String[] fields = stat.substring(end + 2).strip().split("\\s+");
    if (fields.length < 13) {
      throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + stat);
    }
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }
}
