package dev.imps.benchmarks.cluster;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * JVM settings for the chart and the image, chosen by measurement: on an empty cluster, the
 * operator is started with each candidate set of JVM options in turn, and each run yields the time
 * from the process start to the first {@code /readyz} 200 and the resident set after a full GC.
 * Candidates vary one thing at a time from the options the operator runs with (the chart's, and the
 * image's class archive when the benchmark made one: {@link ImageClassArchive}): without the
 * archive, collector, C1 only, thread stacks, metaspace; and then combine the ones that helped; on
 * a JDK 25 they add compact object headers and the ahead-of-time cache.
 *
 * @param setup an empty cluster; the operator's java, jar and log directory, whose options are the
 *     starting point of every candidate; where progress lines go
 * @param runs runs per candidate
 */
public record JvmOptionsBenchmark(BenchSetup setup, int runs) {

  private static final double MIB = 1024.0 * 1024.0;
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final Duration READY_WITHIN = Duration.ofMinutes(2);

  /**
   * One named set of options.
   *
   * @param name what the candidate changes
   * @param options the JVM options
   * @param archive how a class archive is made and used, or {@link ClassArchive#NONE}
   */
  public record Candidate(String name, List<String> options, ClassArchive archive) {

    /**
     * Copies the options.
     *
     * @throws NullPointerException if a part is null
     */
    public Candidate {
      options = List.copyOf(options);
      Objects.requireNonNull(archive, "archive");
    }
  }

  /**
   * An archive that a training run writes at its exit and the measured runs map: the ahead-of-time
   * cache on JDK 25 ({@code -XX:AOTCacheOutput}, classes loaded and linked, with method profiles).
   * (The image's static class archive is made before the runs, not by training: {@link
   * ImageClassArchive}.)
   */
  public enum ClassArchive {
    /** No trained archive. */
    NONE("", ""),
    /** The JDK 25 ahead-of-time cache. */
    AOT_CACHE("-XX:AOTCacheOutput=", "-XX:AOTCache=");

    private final String write;
    private final String use;

    ClassArchive(String write, String use) {
      this.write = write;
      this.use = use;
    }

    List<String> writeTo(Path file) {
      return this == NONE ? List.of() : List.of(write + file);
    }

    List<String> useFrom(Path file) {
      return this == NONE ? List.of() : List.of(use + file);
    }
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code setup} is null
   */
  public JvmOptionsBenchmark {
    Objects.requireNonNull(setup, "setup");
  }

  /**
   * Returns the candidates, the base options first.
   *
   * @param base the options the operator runs with: the chart's, and the image's class archive if
   *     any
   * @param javaFeature the feature version of the java that runs them
   * @return the candidates
   */
  public static List<Candidate> candidates(List<String> base, int javaFeature) {
    List<String> noArchive = ImageClassArchive.without(base);
    boolean imageArchive = noArchive.size() != base.size();
    List<String> g1 = new ArrayList<>(base);
    g1.replaceAll(o -> o.equals("-XX:+UseSerialGC") ? "-XX:+UseG1GC" : o);
    List<String> tiered = new ArrayList<>(base);
    tiered.removeIf(o -> o.startsWith("-XX:TieredStopAtLevel") || o.startsWith("-XX:Reserved"));
    String[] smaller = {"-Xss256k", "-XX:MaxMetaspaceSize=96m", "-XX:CICompilerCount=1"};
    List<String> small = plus(base, smaller);
    List<Candidate> candidates = new ArrayList<>();
    candidates.add(
        new Candidate(
            imageArchive ? "chart + image class archive" : "chart", base, ClassArchive.NONE));
    if (imageArchive) {
      candidates.add(new Candidate("chart, no class archive", noArchive, ClassArchive.NONE));
    }
    candidates.add(new Candidate("G1 instead of Serial", g1, ClassArchive.NONE));
    candidates.add(new Candidate("tiered C1 + C2", tiered, ClassArchive.NONE));
    candidates.add(new Candidate("-Xss256k", plus(base, "-Xss256k"), ClassArchive.NONE));
    candidates.add(
        new Candidate(
            "MaxMetaspaceSize=96m", plus(base, "-XX:MaxMetaspaceSize=96m"), ClassArchive.NONE));
    candidates.add(new Candidate("small: " + String.join(" ", smaller), small, ClassArchive.NONE));
    if (javaFeature >= 25) {
      // The AOT cache takes the place of the image's class archive.
      List<String> compact = plus(base, "-XX:+UseCompactObjectHeaders");
      List<String> compactAot = plus(noArchive, "-XX:+UseCompactObjectHeaders");
      candidates.add(new Candidate("compact object headers", compact, ClassArchive.NONE));
      candidates.add(new Candidate("AOT cache", noArchive, ClassArchive.AOT_CACHE));
      candidates.add(
          new Candidate("compact object headers + AOT cache", compactAot, ClassArchive.AOT_CACHE));
      candidates.add(
          new Candidate(
              "small + compact object headers + AOT cache",
              plus(ImageClassArchive.without(small), "-XX:+UseCompactObjectHeaders"),
              ClassArchive.AOT_CACHE));
    }
    return List.copyOf(candidates);
  }

  /**
   * Measures every candidate.
   *
   * @return two figures per candidate: start-up to ready and RSS
   * @throws Exception if the operator fails to start
   */
  public List<Figure> run() throws Exception {
    List<Figure> figures = new ArrayList<>();
    int index = 0;
    for (Candidate candidate : candidates(setup.launcher().jvmOptions(), javaFeature())) {
      index++;
      List<String> options = candidate.options();
      if (candidate.archive() != ClassArchive.NONE) {
        Path file =
            setup.launcher().logDirectory().resolve("imps-" + index + ".jsa").toAbsolutePath();
        if (!train(candidate, file)) {
          continue;
        }
        options = plus(options, candidate.archive().useFrom(file).toArray(String[]::new));
      }
      figures.addAll(measure(candidate.name(), options));
    }
    return figures;
  }

  /** Runs the operator once to ready with the archive written at its exit. */
  private boolean train(Candidate candidate, Path file) throws Exception {
    Files.deleteIfExists(file);
    List<String> options =
        plus(candidate.options(), candidate.archive().writeTo(file).toArray(String[]::new));
    try (OperatorJvm training = start(options, "jvm-training")) {
      training.awaitReady(READY_WITHIN);
      Thread.sleep(SETTLE.toMillis());
    }
    boolean written = Files.exists(file);
    setup.progress(
        "jvm "
            + candidate.name()
            + ": archive "
            + (written ? Numbers.format(Files.size(file) / MIB) + " MiB" : "was not written"));
    return written;
  }

  private List<Figure> measure(String name, List<String> options) throws Exception {
    List<Double> ready = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      try (OperatorJvm operator = start(options, "jvm")) {
        operator.awaitReady(READY_WITHIN);
        ready.add(operator.readyAfter().toNanos() / 1e6);
        Thread.sleep(SETTLE.toMillis());
        ProcessMemory.collectGarbage(operator.pid());
        rss.add(ProcessMemory.residentBytes(operator.pid()) / MIB);
      }
      setup.progress(
          String.format(
              "jvm %s run %d/%d: ready after %.0f ms, RSS %.0f MiB",
              name, r + 1, runs, ready.get(r), rss.get(r)));
    }
    String how = "java " + javaFeature() + ", options: " + String.join(" ", options);
    String title = " on an empty cluster, java " + javaFeature() + ", " + name;
    return List.of(
        Figure.of(
            "jvm",
            "start-up to /readyz 200" + title,
            Summary.of(ready),
            "ms",
            MemoryBenchmark.START_UP,
            how),
        Figure.of(
            "jvm",
            "RSS after GC" + title,
            Summary.of(rss),
            "MiB",
            MemoryBenchmark.EMPTY_CLUSTER_RSS,
            how));
  }

  /** The feature version of the java that runs the operator (17, 25, ...). */
  private int javaFeature() {
    return setup.launcher().java().feature();
  }

  private OperatorJvm start(List<String> options, String name) {
    return setup
        .launcher()
        .withOptions(options)
        .start(setup.cluster().kubeconfig(), name, ClientProfile.IMPS_DEFAULTS.operatorFlags());
  }

  private static List<String> plus(List<String> options, String... more) {
    return Stream.concat(options.stream(), Stream.of(more)).toList();
  }
}
