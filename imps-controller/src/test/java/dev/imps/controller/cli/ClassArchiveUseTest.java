package dev.imps.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassArchiveUseTest {

  @Test
  void an_archive_the_jvm_mapped_is_named() {
    ClassArchiveUse use =
        ClassArchiveUse.of(
            List.of("-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/cds/imps.jsa"),
            "mixed mode, sharing");

    assertThat(use.describe()).isEqualTo("class archive /app/cds/imps.jsa");
  }

  @Test
  void an_archive_the_jvm_could_not_map_is_reported_as_not_mapped() {
    // A JVM that cannot map the archive it is given starts without any sharing.
    ClassArchiveUse use =
        ClassArchiveUse.of(List.of("-XX:SharedArchiveFile=/app/cds/imps.jsa"), "mixed mode");

    assertThat(use.describe()).isEqualTo("class archive /app/cds/imps.jsa not mapped");
  }

  @Test
  void the_last_archive_option_wins_as_in_the_jvm() {
    ClassArchiveUse use =
        ClassArchiveUse.of(
            List.of("-XX:SharedArchiveFile=/first.jsa", "-XX:SharedArchiveFile=/second.jsa"),
            "mixed mode, sharing");

    assertThat(use.archive()).isEqualTo("/second.jsa");
  }

  @Test
  void without_an_archive_option_the_jdks_own_archive_or_none_is_reported() {
    assertThat(ClassArchiveUse.of(List.of(), "mixed mode, sharing").describe())
        .isEqualTo("the JDK's class archive");
    assertThat(ClassArchiveUse.of(List.of("-Xshare:off"), "mixed mode").describe())
        .isEqualTo("no class archive");
  }

  @Test
  void this_jvm_is_described() {
    // The test JVM runs without an archive option; surefire may or may not share the JDK's.
    assertThat(ClassArchiveUse.ofThisJvm().describe())
        .isIn("the JDK's class archive", "no class archive");
  }
}
