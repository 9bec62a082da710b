package dev.imps.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassArchiveUseTest {

  static Stream<Arguments> describes() {
    return Stream.of(
        Arguments.of(
            "an archive the JVM mapped is named",
            List.of("-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/cds/imps.jsa"),
            "mixed mode, sharing",
            "class archive /app/cds/imps.jsa"),
        // A JVM that cannot map the archive it is given starts without any sharing.
        Arguments.of(
            "an archive the JVM could not map is reported as not mapped",
            List.of("-XX:SharedArchiveFile=/app/cds/imps.jsa"),
            "mixed mode",
            "class archive /app/cds/imps.jsa not mapped"),
        Arguments.of(
            "the last archive option wins, as in the JVM",
            List.of("-XX:SharedArchiveFile=/first.jsa", "-XX:SharedArchiveFile=/second.jsa"),
            "mixed mode, sharing",
            "class archive /second.jsa"),
        Arguments.of(
            "without an archive option, the JDK's own archive",
            List.of(),
            "mixed mode, sharing",
            "the JDK's class archive"),
        Arguments.of(
            "without sharing, no archive",
            List.of("-Xshare:off"),
            "mixed mode",
            "no class archive"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void describes(String description, List<String> options, String vmInfo, String expected) {
    assertThat(ClassArchiveUse.of(options, vmInfo).describe()).isEqualTo(expected);
  }

  @Test
  void this_jvm_is_described() {
    // The test JVM runs without an archive option; surefire may or may not share the JDK's.
    assertThat(ClassArchiveUse.ofThisJvm().describe())
        .isIn("the JDK's class archive", "no class archive");
  }
}
