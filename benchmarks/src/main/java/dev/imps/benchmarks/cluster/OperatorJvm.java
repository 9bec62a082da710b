package dev.imps.benchmarks.cluster;

import dev.imps.testsupport.process.LoggedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator as users run it: {@code java <options> -jar imps.jar controller --kubeconfig F
 * --metrics-addr 127.0.0.1:PORT ...}, a separate process whose memory can be read from {@code
 * /proc}. Its output goes to a log file.
 */
public final class OperatorJvm implements AutoCloseable {

  /** The JVM options of the Helm chart ({@code jvm.options} in its values). */
  public static final List<String> CHART_JVM_OPTIONS =
      List.of(
          "-XX:MaxRAMPercentage=75",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:MaxNewSize=8m",
          "-XX:MinHeapFreeRatio=5",
          "-XX:MaxHeapFreeRatio=10",
          "-XX:-ShrinkHeapInSteps",
          "-XX:TrimNativeHeapInterval=5000",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=16m");

  /** The environment the Helm chart gives the JVM besides its options ({@code jvm.*} values). */
  public static final Map<String, String> CHART_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  /**
   * What the JVM derives by itself inside the chart's 512 MiB memory limit: it sizes the heap from
   * 512 MiB and, below 1792 MiB, picks the serial collector. Outside a container these have to be
   * given.
   */
  public static final List<String> CHART_CONTAINER_LIMIT =
      List.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC");

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final LoggedProcess process;
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final long startedNanos;
  private volatile Duration readyAfter;

  private OperatorJvm(LoggedProcess process, int port, long startedNanos) {
    this.startedNanos = startedNanos;
    this.process = process;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts {@code imps controller}.
   *
   * @param javaExecutable the {@code java} executable
   * @param jar the operator's shaded jar
   * @param kubeconfig the kubeconfig it uses
   * @param log where its output goes (appended)
   * @param jvmOptions options before {@code -jar}
   * @param flags flags of the controller command after {@code --kubeconfig} and {@code
   *     --metrics-addr}
   * @return the process
   * @throws IllegalArgumentException if the jar does not exist
   */
  public static OperatorJvm start(
      Path javaExecutable,
      Path jar,
      Path kubeconfig,
      Path log,
      List<String> jvmOptions,
      List<String> flags) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "operator jar "
              + jar
              + " does not exist; build it with ./mvnw package -pl imps-controller");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("controller");
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--metrics-addr=127.0.0.1:" + port);
    command.addAll(flags);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(
          log,
          String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the operator's log " + log, e);
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("POD_NAME", "imps-bench");
    builder.environment().putAll(CHART_ENVIRONMENT);
    long started = System.nanoTime();
    try {
      return new OperatorJvm(LoggedProcess.start("operator", builder, log), port, started);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot start the operator from " + jar, e.getCause());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /**
   * Waits until {@code /readyz} answers 200 (caches synced, workers running).
   *
   * @param timeout how long at most
   * @return this
   * @throws IllegalStateException if the process ends or the time runs out; quotes its log
   * @throws InterruptedException if interrupted
   */
  public OperatorJvm awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the operator exited with " + process.exitValue() + ":\n" + logTail(30));
      }
      try {
        if (get("/readyz").statusCode() == 200) {
          readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "the operator was not ready within " + timeout + ":\n" + logTail(30));
  }

  /**
   * Returns how long the operator took from the process start to the first {@code /readyz} 200 that
   * {@link #awaitReady} saw (polled every 20 ms).
   *
   * @return the time
   * @throws IllegalStateException if {@link #awaitReady} has not succeeded yet
   */
  public Duration readyAfter() {
    if (readyAfter == null) {
      throw new IllegalStateException("the operator has not been seen ready yet");
    }
    return readyAfter;
  }

  /**
   * Returns the operator's Prometheus metrics.
   *
   * @return the exposition text
   * @throws IllegalStateException if {@code /metrics} does not answer 200
   */
  public String metrics() {
    try {
      HttpResponse<String> response = get("/metrics");
      if (response.statusCode() != 200) {
        throw new IllegalStateException("/metrics answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET /metrics of the operator failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Returns the process id.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Tells whether the process runs.
   *
   * @return true while alive
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Returns the end of the log.
   *
   * @param lines how many lines
   * @return the lines
   */
  public String logTail(int lines) {
    return process.logTail(lines);
  }

  /**
   * Returns the log file.
   *
   * @return the path
   */
  public Path log() {
    return process.logFile();
  }

  /** Stops the operator with SIGTERM, by force after 20 s. */
  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }
}
