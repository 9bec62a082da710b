package dev.imps.benchmarks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK or JRE folder the operator can run from, with its feature version read from the {@code
 * release} file every JDK build ships ({@code JAVA_VERSION="25.0.3"}).
 *
 * @param home the folder holding {@code bin/java} and {@code release}
 * @param feature the feature version (17, 25, ...)
 */
public record JavaHome(Path home, int feature) {

  private static final Pattern VERSION =
      Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the feature version is below 17
   */
  public JavaHome {
    Objects.requireNonNull(home, "home");
    if (feature < 17) {
      throw new IllegalArgumentException(
          "the operator needs java 17 or later, " + home + " is " + feature);
    }
  }

  /**
   * Reads a Java home.
   *
   * @param home the folder
   * @return the Java home
   * @throws IllegalArgumentException if it has no {@code bin/java} or no readable version
   */
  public static JavaHome of(Path home) {
    if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
      throw new IllegalArgumentException(home + " has no bin/java");
    }
    String release;
    try {
      release = Files.readString(home.resolve("release"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the release file of " + home, e);
    }
    Matcher matcher = VERSION.matcher(release);
    if (!matcher.find()) {
      throw new IllegalArgumentException(home + "/release names no JAVA_VERSION");
    }
    return new JavaHome(home, Integer.parseInt(matcher.group(1)));
  }

  /**
   * Returns the {@code java} executable.
   *
   * @return {@code home/bin/java}
   */
  public Path executable() {
    return home.resolve("bin").resolve("java");
  }
}
