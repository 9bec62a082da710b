package dev.imps.benchmarks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A process's memory as Linux reports it, and a full GC asked of a JVM with {@code jcmd}. */
public final class ProcessMemory {

  private ProcessMemory() {}

  /**
   * Returns the resident set size.
   *
   * @param pid the process
   * @return {@code VmRSS} in bytes
   * @throws IllegalStateException if {@code /proc/<pid>/status} has no such line
   */
  public static long residentBytes(long pid) {
    return statusKilobytes(readStatus(pid), "VmRSS")
            .orElseThrow(() -> new IllegalStateException("no VmRSS for pid " + pid))
        * 1024;
  }

  /**
   * Returns the peak resident set size since the process started.
   *
   * @param pid the process
   * @return {@code VmHWM} in bytes
   * @throws IllegalStateException if {@code /proc/<pid>/status} has no such line
   */
  public static long peakResidentBytes(long pid) {
    return statusKilobytes(readStatus(pid), "VmHWM")
            .orElseThrow(() -> new IllegalStateException("no VmHWM for pid " + pid))
        * 1024;
  }

  /**
   * Reads one {@code kB} field of {@code /proc/<pid>/status}.
   *
   * @param status the file's text
   * @param field such as {@code VmRSS}
   * @return the value in kB, or empty when the line is missing
   */
  static Optional<Long> statusKilobytes(String status, String field) {
    for (String line : status.split("\n")) {
      if (line.startsWith(field + ":")) {
        String value = line.substring(field.length() + 1).strip();
        if (!value.endsWith("kB")) {
          throw new IllegalArgumentException(field + " is not in kB: " + line);
        }
        return Optional.of(Long.parseLong(value.substring(0, value.length() - 2).strip()));
      }
    }
    return Optional.empty();
  }

  private static String readStatus(long pid) {
    try {
      return Files.readString(
          Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
    }
  }

  /**
   * One line of a JVM's class histogram.
   *
   * @param className the class
   * @param instances live instances
   * @param bytes their shallow size in bytes
   */
  public record HistogramLine(String className, long instances, long bytes) {}

  /**
   * Returns the classes with the most live bytes ({@code jcmd <pid> GC.class_histogram}, which runs
   * a full GC first).
   *
   * @param pid the JVM
   * @param top how many lines
   * @return the lines, largest first
   * @throws IllegalStateException if jcmd fails
   * @throws InterruptedException if interrupted
   */
  public static List<HistogramLine> histogram(long pid, int top) throws InterruptedException {
    return parseHistogram(jcmd(pid, "GC.class_histogram"), top);
  }

  /**
   * Parses the output of {@code GC.class_histogram}.
   *
   * @param output jcmd's output
   * @param top how many lines to keep
   * @return the first {@code top} class lines
   */
  static List<HistogramLine> parseHistogram(String output, int top) {
    List<HistogramLine> lines = new java.util.ArrayList<>();
    for (String line : output.split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length >= 4 && parts[0].matches("\\d+:")) {
        lines.add(new HistogramLine(parts[3], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        if (lines.size() == top) {
          break;
        }
      }
    }
    return lines;
  }

  /**
   * Makes a JVM run a full garbage collection ({@code jcmd <pid> GC.run}) and waits for it.
   *
   * @param pid the JVM
   * @throws IllegalStateException if jcmd fails
   * @throws InterruptedException if interrupted
   */
  public static void collectGarbage(long pid) throws InterruptedException {
    jcmd(pid, "GC.run");
  }

  private static String jcmd(long pid, String command) throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "jcmd " + pid + " " + command + " failed: " + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + jcmd, e);
    }
  }
}
