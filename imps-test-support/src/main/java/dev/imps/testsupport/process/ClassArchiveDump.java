package dev.imps.testsupport.process;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -Xshare:dump}: writes a static class-data archive of the classes a class list names,
 * for one classpath, as {@code scripts/class-archive.sh} does for the operator image. An archive
 * maps only in the JVM build that wrote it and with the same classpath.
 */
public final class ClassArchiveDump {

  private ClassArchiveDump() {}

  /**
   * Dumps the archive and waits for the dump (at most {@link Command#DEFAULT_TIMEOUT}).
   *
   * @param javaExecutable the {@code java} that will map the archive
   * @param classList the classes to archive ({@code -XX:DumpLoadedClassList} format)
   * @param classpath the classpath, exactly as the JVM that maps the archive will be given it
   * @param archive where the archive goes
   * @return the dump's outcome: its exit status and output
   */
  public static CommandResult run(
      Path javaExecutable, Path classList, String classpath, Path archive) {
    return Command.of(
            List.of(
                javaExecutable.toString(),
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList.toAbsolutePath(),
                "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-cp",
                classpath))
        .run();
  }
}
