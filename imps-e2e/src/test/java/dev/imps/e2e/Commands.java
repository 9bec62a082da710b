package dev.imps.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command line to completion and returns its standard output; fails with its error. */
final class Commands {

  private Commands() {}

  /**
   * Runs {@code command}.
   *
   * @param command the program and its arguments
   * @param input what to write to its standard input, or null
   * @param environment extra {@code NAME=value} variables
   * @param timeout how long it may run
   * @return its standard output
   * @throws IllegalStateException if it fails or times out, with the program's name, exit status
   *     and standard error (never its input, which may hold secrets)
   */
  static String run(
      List<String> command, String input, List<String> environment, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command);
    for (String variable : environment) {
      int eq = variable.indexOf('=');
      builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the program ended without reading its input; its status says why
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command.subList(0, Math.min(3, command.size())))
                + " did not finish within "
                + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
    if (process.exitValue() != 0) {
      throw new CommandFailedException(
          String.join(" ", command.subList(0, Math.min(4, command.size())))
              + " failed with status "
              + process.exitValue()
              + ": "
              + err.join().strip(),
          err.join());
    }
    return out.join();
  }

  private static String read(InputStream stream) {
    try (stream) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      stream.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** A command that exited with a non-zero status; carries its standard error. */
  static final class CommandFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String standardError;

    CommandFailedException(String message, String standardError) {
      super(message);
      this.standardError = standardError;
    }

    String standardError() {
      return standardError;
    }
  }
}
