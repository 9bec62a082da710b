package dev.imps.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
   * Dumps the archive and waits for the dump (at most {@link Command#DEFAULT_TIMEOUT}). An archive
   * already at that path is removed first, so a file there afterwards is this dump's.
   *
   * @param javaExecutable the {@code java} that will map the archive
   * @param classList the classes to archive ({@code -XX:DumpLoadedClassList} format)
   * @param classpath the classpath, exactly as the JVM that maps the archive will be given it
   * @param archive where the archive goes
   * @return the dump's outcome: its exit status and output
   * @throws UncheckedIOException if an earlier archive cannot be removed
   */
  public static CommandResult run(
      Path javaExecutable, Path classList, String classpath, Path archive) {
    try {
      Files.deleteIfExists(archive);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the earlier archive " + archive, e);
    }
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
