package dev.imps.controller.cli;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;

/**
 * Which class-data archive the running JVM mapped, for the start-up log line: the image carries an
 * archive of the operator's classes ({@code -XX:SharedArchiveFile=/app/cds/imps.jsa}) that halves
 * its start-up, and a JVM that cannot map it (another JRE under the image, a changed classpath)
 * starts without one, silently. This line is where that shows.
 *
 * @param archive the archive the options name ({@code -XX:SharedArchiveFile}), or empty
 * @param sharing whether class-data sharing is on ({@code java.vm.info} says {@code sharing})
 */
record ClassArchiveUse(String archive, boolean sharing) {

  private static final String OPTION = "-XX:SharedArchiveFile=";

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if {@code archive} is null
   */
  ClassArchiveUse {
    Objects.requireNonNull(archive, "archive");
  }

  /**
   * Reads the running JVM's options and {@code java.vm.info}.
   *
   * @return what it mapped
   */
  static ClassArchiveUse ofThisJvm() {
    return of(
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        System.getProperty("java.vm.info", ""));
  }

  /**
   * Derives the use from JVM options and {@code java.vm.info}; the last {@code SharedArchiveFile}
   * option wins, as in the JVM.
   *
   * @param jvmOptions the JVM's input arguments
   * @param vmInfo the {@code java.vm.info} property, e.g. {@code mixed mode, sharing}
   * @return what it mapped
   */
  static ClassArchiveUse of(List<String> jvmOptions, String vmInfo) {
    String archive = "";
    for (String option : jvmOptions) {
      if (option.startsWith(OPTION)) {
        archive = option.substring(OPTION.length());
      }
    }
    return new ClassArchiveUse(archive, vmInfo.contains("sharing"));
  }

  /**
   * Describes the use for a log line.
   *
   * @return {@code class archive /app/cds/imps.jsa}, {@code class archive /app/cds/imps.jsa not
   *     mapped}, {@code the JDK's class archive} or {@code no class archive}
   */
  String describe() {
    if (!archive.isEmpty()) {
      return "class archive " + archive + (sharing ? "" : " not mapped");
    }
    return sharing ? "the JDK's class archive" : "no class archive";
  }
}
