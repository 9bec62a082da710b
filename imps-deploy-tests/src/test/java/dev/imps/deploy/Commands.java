package dev.imps.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion and captures its output. */
final class Commands {

  static final Duration TIMEOUT = Duration.ofMinutes(3);

  private Commands() {}

  static CommandResult run(List<String> command, Path workingDirectory) {
    return run(command, workingDirectory, Map.of(), null);
  }

  static CommandResult run(
      List<String> command, Path workingDirectory, Map<String, String> environment, String input) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    CompletableFuture<String> stdout = readAsync(process.getInputStream());
    CompletableFuture<String> stderr = readAsync(process.getErrorStream());
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The command exited without reading its input; its status and stderr say why.
    }
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new CommandResult(command, -1, stdout.join(), "timed out after " + TIMEOUT);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    return new CommandResult(command, process.exitValue(), stdout.join(), stderr.join());
  }

  // One thread per stream: the common pool may have a single thread on a 2-core machine, and a
  // command that fills one pipe while we block on the other would never finish.
  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(cannot read: " + e.getMessage() + ")";
          }
        },
        task -> {
          Thread reader = new Thread(task, "command-output");
          reader.setDaemon(true);
          reader.start();
        });
  }
}
