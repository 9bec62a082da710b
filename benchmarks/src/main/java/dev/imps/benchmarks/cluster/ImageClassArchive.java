package dev.imps.benchmarks.cluster;

import dev.imps.testsupport.process.ClassArchiveDump;
import dev.imps.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class archive the operator image carries, made for the benchmarks' operator as {@code
 * scripts/class-archive.sh} makes it for the image: {@code -Xshare:dump} of the committed class
 * list ({@code imps-controller/src/main/cds/imps.classlist}) by the java that runs the operator,
 * for the jar it runs. So the benchmarks start the operator as the image does. (The image runs the
 * plain jars from a classpath file, the benchmarks the shaded jar; the archive holds the same
 * classes.)
 */
public final class ImageClassArchive {

  private static final String OPTION = "-XX:SharedArchiveFile=";

  private ImageClassArchive() {}

  /**
   * Writes the archive.
   *
   * @param java the java that will map it (an archive maps only in the JVM build that wrote it)
   * @param jar the jar it is for, by the path the operator will be started with
   * @param classList the classes to archive
   * @param archive where it goes (replaced)
   * @throws IOException if the class list is missing or the dump fails
   */
  public static void dump(JavaHome java, Path jar, Path classList, Path archive)
      throws IOException {
    if (!Files.isRegularFile(classList)) {
      throw new IOException("no class list at " + classList.toAbsolutePath());
    }
    CommandResult dump =
        ClassArchiveDump.run(java.executable(), classList, jar.toString(), archive);
    if (!dump.succeeded() || !Files.isRegularFile(archive)) {
      throw new IOException("-Xshare:dump failed: " + dump.describe());
    }
  }

  /**
   * Returns the JVM option that maps the archive.
   *
   * @param archive the archive
   * @return {@code -XX:SharedArchiveFile=<archive>}
   */
  public static List<String> options(Path archive) {
    return List.of(OPTION + archive);
  }

  /**
   * Returns the options without the one that maps a class archive.
   *
   * @param options JVM options
   * @return the same without {@code -XX:SharedArchiveFile=...}
   */
  public static List<String> without(List<String> options) {
    return options.stream().filter(o -> !o.startsWith(OPTION)).toList();
  }
}
