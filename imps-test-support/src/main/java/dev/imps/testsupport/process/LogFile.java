package dev.imps.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a child process's log file for failure messages. */
public final class LogFile {

  private LogFile() {}

  /**
   * Returns the last lines of a log.
   *
   * @param log the log file
   * @param lines how many lines at most
   * @return the last lines joined by newlines, or a note naming the file when it cannot be read
   */
  public static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /**
   * Returns the whole log.
   *
   * @param log the log file
   * @return its text, or an empty string when it cannot be read
   */
  public static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
