package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaHomeTest {

  @TempDir Path folder;

  private Path home(String release) throws IOException {
    Path bin = Files.createDirectories(folder.resolve("bin"));
    Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(folder.resolve("release"), release, StandardCharsets.UTF_8);
    return folder;
  }

  @Test
  void the_feature_version_comes_from_the_release_file() throws IOException {
    Path home = home("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");

    JavaHome java = JavaHome.of(home);

    assertThat(java.feature()).isEqualTo(25);
    assertThat(java.executable()).isEqualTo(home.resolve("bin").resolve("java"));
  }

  @Test
  void the_java_that_runs_the_benchmarks_is_read_as_its_own_version() {
    JavaHome java = JavaHome.of(Path.of(System.getProperty("java.home")));

    assertThat(java.feature()).isEqualTo(Runtime.version().feature());
  }

  @Test
  void a_java_older_than_17_or_without_a_version_is_refused() throws IOException {
    assertThatThrownBy(() -> JavaHome.of(home("JAVA_VERSION=\"1.8.0_392\"\n")))
        .hasMessageContaining("needs java 17 or later");
    assertThatThrownBy(() -> JavaHome.of(home("IMPLEMENTOR=\"x\"\n")))
        .hasMessageContaining("names no JAVA_VERSION");
    assertThatThrownBy(() -> JavaHome.of(folder.resolve("nowhere")))
        .hasMessageContaining("has no bin/java");
  }
}
