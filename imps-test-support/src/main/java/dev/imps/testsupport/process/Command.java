package dev.imps.testsupport.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command line to run to completion with its output captured: an immutable value made by {@link
 * #of} and adjusted with {@code with...} methods, run by {@link #run()}.
 *
 * <p>Both output streams are read on their own daemon threads (the common pool may have a single
 * thread on a 2-core machine, and a command that fills one pipe while the other is awaited would
 * never finish). A command that outlives its timeout is killed and reported with {@link
 * CommandResult#TIMED_OUT}. Thread-safe.
 *
 * @param line the program and its arguments
 * @param directory the working directory, or {@code null} for this JVM's
 * @param environment variables set on top of this JVM's environment
 * @param input what is written to its standard input, or {@code null} for nothing
 * @param timeout how long it may run before it is killed
 */
public record Command(
    List<String> line,
    Path directory,
    Map<String, String> environment,
    String input,
    Duration timeout) {

  /** The timeout of a command that sets none, 3 minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

  /**
   * Checks and copies the parts.
   *
   * @throws IllegalArgumentException if {@code line} is empty or {@code timeout} is not positive
   * @throws NullPointerException if {@code line}, {@code environment} or {@code timeout} is {@code
   *     null}
   */
  public Command {
    if (line.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program");
    }
    line = List.copyOf(line);
    environment = Map.copyOf(environment);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /**
   * Creates a command run in the current directory with this JVM's environment, no input and {@link
   * #DEFAULT_TIMEOUT}.
   *
   * @param line the program and its arguments
   * @return the command
   * @throws IllegalArgumentException if {@code line} is empty
   */
  public static Command of(List<String> line) {
    return new Command(line, null, Map.of(), null, DEFAULT_TIMEOUT);
  }

  /**
   * Returns this command run in {@code directory}.
   *
   * @param directory the working directory
   * @return a new command
   */
  public Command inDirectory(Path directory) {
    return new Command(
        line, Objects.requireNonNull(directory, "directory"), environment, input, timeout);
  }

  /**
   * Returns this command with extra environment variables (later values win).
   *
   * @param variables the variables to add
   * @return a new command
   */
  public Command withEnvironment(Map<String, String> variables) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    all.putAll(variables);
    return new Command(line, directory, all, input, timeout);
  }

  /**
   * Returns this command with {@code input} written to its standard input.
   *
   * @param input the input, or {@code null} for none
   * @return a new command
   */
  public Command withInput(String input) {
    return new Command(line, directory, environment, input, timeout);
  }

  /**
   * Returns this command with another timeout.
   *
   * @param timeout how long it may run
   * @return a new command
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public Command withTimeout(Duration timeout) {
    return new Command(line, directory, environment, input, timeout);
  }

  /**
   * Runs the command and waits for it, at most the timeout.
   *
   * @return what it did; {@link CommandResult#TIMED_OUT} if it was killed after the timeout
   * @throws UncheckedIOException if the program cannot be started
   * @throws IllegalStateException if interrupted while waiting (the command is killed)
   */
  public CommandResult run() {
    ProcessBuilder builder = new ProcessBuilder(line);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + line.get(0), e);
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
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return new CommandResult(
            line, CommandResult.TIMED_OUT, stdout.join(), "timed out after " + timeout);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + line.get(0), e);
    }
    return new CommandResult(line, process.exitValue(), stdout.join(), stderr.join());
  }

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

  /** Names the program and its arguments; never the input. */
  @Override
  public String toString() {
    return "Command" + line;
  }
}
