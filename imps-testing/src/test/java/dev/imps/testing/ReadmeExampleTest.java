package dev.imps.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's test-kit example is the real {@code PullSecretRulesTest}, which runs in this build:
 * the fenced block after the marker equals that file without its {@code package} line.
 */
class ReadmeExampleTest {

  static final String MARKER = "<!-- example: imps-testing/" + ReadmeExampleTest.EXAMPLE + " -->";

  static final String EXAMPLE = "src/test/java/dev/imps/testing/example/PullSecretRulesTest.java";

  @Test
  void the_readme_shows_the_example_test_as_it_is() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    int marker = readme.indexOf(MARKER);
    assertThat(marker).as("README marker %s", MARKER).isNotNegative();
    int start = readme.indexOf("```java\n", marker) + "```java\n".length();
    String shown = readme.substring(start, readme.indexOf("```\n", start));

    String file = Files.readString(Path.of(EXAMPLE));
    String body = file.substring(file.indexOf('\n', file.indexOf("package ")) + 1).stripLeading();

    assertThat(shown).isEqualTo(body);
  }
}
