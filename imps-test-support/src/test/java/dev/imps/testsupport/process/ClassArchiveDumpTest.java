package dev.imps.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClassArchiveDumpTest {

  private static final Path WORK = Path.of("target", "class-archive-dump-test").toAbsolutePath();
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  private final Path jar = WORK.resolve("empty.jar");
  private final Path classList = WORK.resolve("classes.lst");
  private final Path archive = WORK.resolve("test.jsa");

  @BeforeEach
  void prepare() throws IOException {
    Files.createDirectories(WORK);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, new Manifest())) {
      // an empty jar: the classpath the archive is for
    }
    Files.writeString(classList, "java/lang/Object\njava/lang/String\njava/util/ArrayList\n");
  }

  @Test
  void the_archive_it_writes_maps_with_the_same_classpath() {
    CommandResult dump = ClassArchiveDump.run(JAVA, classList, jar.toString(), archive);

    assertThat(dump.succeeded()).as(dump.describe()).isTrue();
    assertThat(archive).isRegularFile();
    // -Xshare:on fails the start when the archive does not map.
    CommandResult mapped =
        Command.of(
                List.of(
                    JAVA.toString(),
                    "-Xshare:on",
                    "-XX:SharedArchiveFile=" + archive,
                    "-cp",
                    jar.toString(),
                    "-version"))
            .run();
    assertThat(mapped.succeeded()).as(mapped.describe()).isTrue();
  }

  @Test
  void a_failed_dump_is_reported_with_its_status() {
    CommandResult dump =
        ClassArchiveDump.run(JAVA, WORK.resolve("no-such-list"), jar.toString(), archive);

    assertThat(dump.succeeded()).isFalse();
    assertThat(dump.describe()).contains("-Xshare:dump");
  }
}
