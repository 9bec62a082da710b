package dev.imps.benchmarks.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the figures were measured on, read from Linux and the JVM.
 *
 * @param name the short name in the results file's name, such as {@code vm-2cpu-24gib}
 * @param cpu the CPU model
 * @param cores the cores the JVM sees
 * @param memoryGib the physical memory in GiB
 * @param os the operating system
 * @param java the JVM running the benchmark and the operator
 */
public record Machine(
    String name, String cpu, int cores, double memoryGib, String os, String java) {

  /**
   * Reads the machine this JVM runs on.
   *
   * @return the description; fields Linux does not provide are {@code unknown}
   */
  public static Machine detect() {
    int cores = Runtime.getRuntime().availableProcessors();
    double memoryGib =
        read("/proc/meminfo")
            .flatMap(text -> field(text, "MemTotal"))
            .map(kb -> Long.parseLong(kb.replace("kB", "").strip()) / 1024.0 / 1024.0)
            .orElse(0.0);
    String cpu = read("/proc/cpuinfo").flatMap(text -> field(text, "model name")).orElse("unknown");
    String os =
        read("/etc/os-release")
            .flatMap(text -> field(text, "PRETTY_NAME", '='))
            .map(value -> value.replace("\"", ""))
            .orElse(System.getProperty("os.name"));
    String java =
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    return new Machine(defaultName(host(), cores, memoryGib), cpu, cores, memoryGib, os, java);
  }

  /**
   * Returns a copy with another short name.
   *
   * @param name the name
   * @return the copy
   */
  public Machine withName(String name) {
    return new Machine(name, cpu, cores, memoryGib, os, java);
  }

  /**
   * Builds the default short name.
   *
   * @param host the host name
   * @param cores the cores
   * @param memoryGib the memory
   * @return {@code <host>-<cores>cpu-<GiB rounded>gib}, lower case, other characters as {@code -}
   */
  static String defaultName(String host, int cores, double memoryGib) {
    String raw = host + "-" + cores + "cpu-" + Math.round(memoryGib) + "gib";
    return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }

  /**
   * Returns the one-line description for the results file.
   *
   * @return cores, CPU, memory, OS and JVM
   */
  public String describe() {
    return String.format(
        Locale.ROOT, "%d cores (%s), %.1f GiB, %s, %s", cores, cpu, memoryGib, os, java);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().split("\\.")[0];
    } catch (IOException e) {
      return "host";
    }
  }

  private static Optional<String> read(String path) {
    try {
      return Optional.of(Files.readString(Path.of(path), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> field(String text, String key) {
    return field(text, key, ':');
  }

  private static Optional<String> field(String text, String key, char separator) {
    for (String line : text.split("\n")) {
      int at = line.indexOf(separator);
      if (at > 0 && line.substring(0, at).strip().equals(key)) {
        return Optional.of(line.substring(at + 1).strip());
      }
    }
    return Optional.empty();
  }
}
