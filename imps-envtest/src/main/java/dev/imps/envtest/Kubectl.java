package dev.imps.envtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs kubectl against the control plane with the admin kubeconfig and a discovery cache inside the
 * data folder (never the user's {@code ~/.kube}).
 *
 * @param binary the kubectl binary
 * @param kubeconfig the admin kubeconfig
 * @param cacheDirectory kubectl's discovery and HTTP cache
 */
record Kubectl(Path binary, Path kubeconfig, Path cacheDirectory) {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs kubectl and returns what it printed on standard output.
   *
   * @param input what to write to its standard input, or null for none
   * @param args the arguments after {@code kubectl}
   * @return standard output
   * @throws KubectlException if kubectl exits with a non-zero status or times out
   */
  String run(String input, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDirectory);
    command.addAll(args);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    CompletableFuture<String> stdout = readAsync(process.getInputStream());
    CompletableFuture<String> stderr = readAsync(process.getErrorStream());
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // kubectl exited without reading its input; its exit status and stderr tell why.
    }
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new KubectlException(args, -1, "", "timed out after " + TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new KubectlException(args, -1, "", "interrupted");
    }
    int status = process.exitValue();
    if (status != 0) {
      throw new KubectlException(args, status, stdout.join(), stderr.join());
    }
    return stdout.join();
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(cannot read: " + e.getMessage() + ")";
          }
        });
  }
}
