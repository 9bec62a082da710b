package dev.imps.benchmarks.cluster;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM settings for the chart, chosen by measurement: on an empty cluster, the operator is started
 * with each candidate set of JVM options in turn, and each run yields the time from the process
 * start to the first {@code /readyz} 200 and the resident set after a full GC. Candidates vary one
 * thing at a time from the chart's options (collector, C1 only, thread stacks, code cache,
 * metaspace, an AppCDS archive) and then combine the ones that helped.
 *
 * @param setup an empty cluster; the operator jar and log directory (its own options are ignored);
 *     where progress lines go
 * @param base the chart's options, the starting point of every candidate
 * @param runs runs per candidate
 */
public record JvmOptionsBenchmark(BenchSetup setup, List<String> base, int runs) {

  private static final double MIB = 1024.0 * 1024.0;
  private static final Duration SETTLE = Duration.ofSeconds(3);

  /** One named set of options. */
  public record Candidate(String name, List<String> options) {

    /**
     * Copies the options.
     *
     * @throws NullPointerException if a part is null
     */
    public Candidate {
      options = List.copyOf(options);
    }
  }

  /**
   * Copies the options.
   *
   * @throws NullPointerException if {@code base} is null
   */
  public JvmOptionsBenchmark {
    base = List.copyOf(base);
  }

  /**
   * Returns the candidates, the chart's options first.
   *
   * @param base the chart's options
   * @param archive where the AppCDS archive is (written by a first run with {@code
   *     -XX:ArchiveClassesAtExit})
   * @return the candidates
   */
  public static List<Candidate> candidates(List<String> base, Path archive) {
    List<String> g1 = new ArrayList<>(base);
    g1.replaceAll(o -> o.equals("-XX:+UseSerialGC") ? "-XX:+UseG1GC" : o);
    List<String> small =
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xss256k",
            "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=96m",
            "-XX:CICompilerCount=1");
    return List.of(
        new Candidate("chart", base),
        new Candidate("G1 instead of Serial", g1),
        new Candidate("C1 only", plus(base, List.of("-XX:TieredStopAtLevel=1"))),
        new Candidate("-Xss256k", plus(base, List.of("-Xss256k"))),
        new Candidate(
            "C1 only, code cache 16m",
            plus(base, List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m"))),
        new Candidate("MaxMetaspaceSize=96m", plus(base, List.of("-XX:MaxMetaspaceSize=96m"))),
        new Candidate("AppCDS", plus(base, List.of("-XX:SharedArchiveFile=" + archive))),
        new Candidate("small: " + String.join(" ", small), plus(base, small)),
        new Candidate(
            "small + AppCDS",
            plus(plus(base, small), List.of("-XX:SharedArchiveFile=" + archive))));
  }

  /** The cluster the benchmark builds on. */
  private BenchCluster cluster() {
    return setup.cluster();
  }

  /** How the operator is started. */
  private OperatorLauncher launcher() {
    return setup.launcher();
  }

  /**
   * Measures every candidate.
   *
   * @return two figures per candidate: start-up to ready and RSS
   * @throws Exception if the operator fails to start
   */
  public List<Figure> run() throws Exception {
    Path archive = launcher().logDirectory().resolve("imps-appcds.jsa").toAbsolutePath();
    Files.deleteIfExists(archive);
    try (OperatorJvm dump =
        start(plus(base, List.of("-XX:ArchiveClassesAtExit=" + archive)), "jvm-cds-dump")) {
      dump.awaitReady(Duration.ofMinutes(2));
      Thread.sleep(SETTLE.toMillis());
    }
    setup.progress(
        "jvm: AppCDS archive "
            + (Files.exists(archive)
                ? Numbers.format(Files.size(archive) / MIB) + " MiB"
                : "was not written"));
    List<Figure> figures = new ArrayList<>();
    for (Candidate candidate : candidates(base, archive)) {
      if (candidate.name().contains("AppCDS") && !Files.exists(archive)) {
        continue;
      }
      List<Double> ready = new ArrayList<>();
      List<Double> rss = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        try (OperatorJvm operator = start(candidate.options(), "jvm")) {
          operator.awaitReady(Duration.ofMinutes(2));
          ready.add(operator.readyAfter().toNanos() / 1e6);
          Thread.sleep(SETTLE.toMillis());
          ProcessMemory.collectGarbage(operator.pid());
          rss.add(ProcessMemory.residentBytes(operator.pid()) / MIB);
        }
        setup.progress(
            String.format(
                "jvm %s run %d/%d: ready after %.0f ms, RSS %.0f MiB",
                candidate.name(), r + 1, runs, ready.get(r), rss.get(r)));
      }
      String how = "options: " + String.join(" ", candidate.options());
      figures.add(
          Figure.of(
              "jvm",
              "start-up to /readyz 200, empty cluster, " + candidate.name(),
              Summary.of(ready),
              "ms",
              MemoryBenchmark.START_UP,
              how));
      figures.add(
          Figure.of(
              "jvm",
              "RSS on an empty cluster after GC, " + candidate.name(),
              Summary.of(rss),
              "MiB",
              MemoryBenchmark.EMPTY_CLUSTER_RSS,
              how));
    }
    return figures;
  }

  private OperatorJvm start(List<String> options, String name) {
    OperatorLauncher withOptions =
        new OperatorLauncher(launcher().jar(), options, launcher().logDirectory());
    return withOptions.start(
        cluster().kubeconfig(), name, ClientProfile.IMPS_DEFAULTS.operatorFlags());
  }

  private static List<String> plus(List<String> options, List<String> more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(more);
    return all;
  }
}
