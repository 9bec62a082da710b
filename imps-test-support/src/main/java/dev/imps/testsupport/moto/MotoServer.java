package dev.imps.testsupport.moto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moto server (AWS mock) on 127.0.0.1 for integration tests, started through the launcher script
 * {@code moto_launcher.py} next to this class.
 *
 * <p>The launcher patches ECR GetAuthorizationToken to answer {@code expiresAt = now + 12 h} (moto
 * answers 2015-01-01; {@link #startUnpatched()} keeps that), counts requests per AWS action ({@link
 * #calls(String)}) and can inject AWS errors ({@link #failAction}).
 *
 * <p>Python comes from {@code IMPS_MOTO_PYTHON} (set by {@code scripts/test.sh}), else the venv
 * {@code scripts/moto-venv.sh} makes under {@code ${XDG_CACHE_HOME:-~/.cache}/imps/moto-venv}. If
 * neither exists, {@link #start()} fails with a message saying to run that script: tests that need
 * moto never skip silently.
 *
 * <p>Published in the {@code imps-credentials} test-jar for other modules' tests. The server exits
 * by itself when this JVM dies (it watches its stdin).
 */
public final class MotoServer implements AutoCloseable {

  /** The account moto uses for static keys it does not know. */
  public static final String DEFAULT_ACCOUNT = "123456789012";

  private static final Pattern PORT_LINE = Pattern.compile("IMPS_MOTO_PORT (\\d+)");
  private static final Pattern COUNT = Pattern.compile("\"([A-Za-z0-9]+)\":\\s*(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final URI endpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private MotoServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts moto with ECR tokens expiring 12 hours after they are minted.
   *
   * @return the running server
   * @throws IllegalStateException if python with moto is not found or moto does not come up
   */
  public static MotoServer start() {
    return launch(List.of());
  }

  /**
   * Starts moto with ECR tokens expiring a given time after they are minted.
   *
   * @param expiresIn the validity ECR reports
   * @return the running server
   */
  public static MotoServer start(Duration expiresIn) {
    return launch(List.of("--expires-in", Long.toString(expiresIn.toSeconds())));
  }

  /**
   * Starts moto as it is: ECR tokens claim to expire on 2015-01-01.
   *
   * @return the running server
   */
  public static MotoServer startUnpatched() {
    return launch(List.of("--unpatched"));
  }

  /**
   * Finds the python that has moto.
   *
   * @return the interpreter path
   * @throws IllegalStateException with instructions when none is found
   */
  public static Path python() {
    String configured = System.getenv("IMPS_MOTO_PYTHON");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (Files.isExecutable(path)) {
        return path;
      }
      throw new IllegalStateException(
          "IMPS_MOTO_PYTHON=" + configured + " is not executable; run scripts/moto-venv.sh");
    }
    String cacheHome = System.getenv("XDG_CACHE_HOME");
    Path cache =
        cacheHome != null && !cacheHome.isBlank()
            ? Path.of(cacheHome)
            : Path.of(System.getProperty("user.home"), ".cache");
    Path venvPython = cache.resolve("imps/moto-venv/bin/python");
    if (Files.isExecutable(venvPython)) {
      return venvPython;
    }
    throw new IllegalStateException(
        "moto is not installed: neither IMPS_MOTO_PYTHON nor "
            + venvPython
            + " exists. Run scripts/moto-venv.sh (or scripts/test.sh, which runs it) first.");
  }

  private static MotoServer launch(List<String> options) {
    Path python = python();
    try {
      Path dir = Files.createTempDirectory("imps-moto");
      Path launcher = dir.resolve("moto_launcher.py");
      try (InputStream in = MotoServer.class.getResourceAsStream("moto_launcher.py")) {
        if (in == null) {
          throw new IllegalStateException("moto_launcher.py is missing from the classpath");
        }
        Files.copy(in, launcher, StandardCopyOption.REPLACE_EXISTING);
      }
      Path log = dir.resolve("moto.log");
      List<String> command =
          new java.util.ArrayList<>(List.of(python.toString(), launcher.toString()));
      command.addAll(options);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(log.toFile()).directory(dir.toFile());
      // moto must never talk to real AWS or read the developer's credentials.
      builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
      builder.environment().put("AWS_CONFIG_FILE", dir.resolve("none").toString());
      Process process = builder.start();
      int port = awaitPort(process, log);
      MotoServer server = new MotoServer(process, log, port);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("starting moto failed", e);
    }
  }

  private static int awaitPort(Process process, Path log) throws IOException {
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(64);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.offer(line);
                }
              } catch (IOException e) {
                // the process ended; awaitPort reports it
              }
            },
            "moto-stdout");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line != null) {
          Matcher m = PORT_LINE.matcher(line);
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
        } else if (!process.isAlive()) {
          throw new IllegalStateException(
              "moto exited with " + process.exitValue() + " before listening:\n" + tail(log));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while starting moto", e);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "moto did not report its port within " + START_TIMEOUT + ":\n" + tail(log));
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        calls();
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          close();
          throw new IllegalStateException("moto does not answer:\n" + tail(log), e);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting moto", ie);
        }
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * Returns the endpoint to point AWS clients at.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Returns how many requests moto received per AWS action since start or the last {@link
   * #resetCalls()}.
   *
   * @return action name (e.g. {@code GetAuthorizationToken}, {@code AssumeRole}) to count
   */
  public Map<String, Integer> calls() {
    String body = send("GET", "/_imps/calls");
    Map<String, Integer> counts = new TreeMap<>();
    Matcher m = COUNT.matcher(body);
    while (m.find()) {
      counts.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return counts;
  }

  /**
   * Returns how many requests moto received for one action.
   *
   * @param action e.g. {@code GetAuthorizationToken}
   * @return the count since start or the last reset
   */
  public int calls(String action) {
    return calls().getOrDefault(action, 0);
  }

  /** Zeroes the request counts. */
  public void resetCalls() {
    send("POST", "/_imps/calls/reset");
  }

  /** Forgets every resource moto holds (moto's own reset), counts and faults. */
  public void reset() {
    send("POST", "/moto-api/reset");
    resetCalls();
    clearFaults();
  }

  /**
   * Makes an action of a JSON-protocol service (such as ECR) fail until {@link #clearFaults()}.
   *
   * @param action e.g. {@code GetAuthorizationToken}
   * @param code the AWS error code, e.g. {@code AccessDeniedException}
   * @param status the HTTP status, e.g. 400
   */
  public void failAction(String action, String code, int status) {
    send("POST", "/_imps/faults?action=" + action + "&code=" + code + "&status=" + status);
  }

  /** Removes every injected fault. */
  public void clearFaults() {
    send("DELETE", "/_imps/faults");
  }

  private String send(String method, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops moto and waits for it to exit. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // it is exiting anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
