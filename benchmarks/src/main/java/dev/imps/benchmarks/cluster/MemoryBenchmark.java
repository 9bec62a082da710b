package dev.imps.benchmarks.cluster;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Summary;
import dev.imps.benchmarks.report.Target;
import dev.imps.envtest.metrics.PrometheusText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator's memory on a large cluster: {@code namespaces} namespaces holding {@code pods} pods
 * in all (objects only: nothing runs them), one ImagePullSecret selecting every namespace by label
 * and one selecting the tenth of them that holds pods of {@code team=team-0}. Once every copy is in
 * place and writes have stopped, each run asks the JVM for a full GC ({@code jcmd GC.run}) and then
 * reads the resident set size ({@code VmRSS}) and the heap in use (the operator's {@code
 * jvm_memory_bytes_used{area="heap"}}).
 *
 * @param setup an empty cluster of its own; how the operator is started; where progress lines go
 * @param profile the operator's client settings (they decide how fast it converges, not what it
 *     holds)
 * @param namespaces how many namespaces
 * @param pods how many pods in all, spread evenly
 * @param runs how many memory readings
 */
public record MemoryBenchmark(
    BenchSetup setup, ClientProfile profile, int namespaces, int pods, int runs) {

  /** The namespace label the first ImagePullSecret selects. */
  public static final String LABEL = "imps-bench/memory";

  private static final double MIB = 1024.0 * 1024.0;
  private static final Duration BETWEEN_RUNS = Duration.ofSeconds(5);

  /** The target for the operator's RSS on an empty cluster, the fixed cost: ≤ 80 MiB. */
  static final Target EMPTY_CLUSTER_RSS = Target.medianAtMost(80, "≤ 80 MiB");

  /** The target for the operator's start-up to its first {@code /readyz} 200: ≤ 1 s. */
  static final Target START_UP = Target.medianAtMost(1000, "≤ 1 s");

  private static final int HISTOGRAM_LINES = 6;

  /**
   * Builds the cluster, runs the operator to convergence and reads its memory.
   *
   * @return RSS, peak RSS and heap figures
   * @throws Exception if the cluster, the operator or jcmd fails
   */
  public List<Figure> run() throws Exception {
    EmptyCluster empty = emptyCluster();
    List<String> names = BenchCluster.names("m", namespaces);
    Duration namespacesTook = setup.cluster().createNamespaces(names, Map.of(LABEL, "yes"));
    int perNamespace = Math.max(1, pods / namespaces);
    Duration podsTook = setup.cluster().createPods(names, perNamespace);
    int podCount = perNamespace * namespaces;
    setup.progress(
        String.format(
            "memory: created %d namespaces in %.0f s and %d pods in %.0f s (%.0f pods/s)",
            namespaces,
            namespacesTook.toMillis() / 1000.0,
            podCount,
            podsTook.toMillis() / 1000.0,
            podCount * 1000.0 / Math.max(1, podsTook.toMillis())));
    List<Double> rss = new ArrayList<>();
    List<Double> heap = new ArrayList<>();
    double peak;
    double committed;
    List<ProcessMemory.HistogramLine> histogram;
    double convergence;
    int teamNamespaces = (namespaces + 9) / 10;
    try (OperatorJvm operator =
            setup
                .launcher()
                .start(setup.cluster().kubeconfig(), "memory", profile.operatorFlags());
        CopyWatch all = CopyWatch.start(setup.cluster().kube().adminClient(), "memory-copy");
        CopyWatch team = CopyWatch.start(setup.cluster().kube().adminClient(), "team-copy")) {
      long start = System.nanoTime();
      operator.awaitReady(Duration.ofMinutes(5));
      setup.cluster().createImagePullSecret("bench-memory", "memory-copy", Map.of(LABEL, "yes"));
      setup
          .cluster()
          .createPodSelectingImagePullSecret(
              "bench-memory-team", "team-copy", Map.of(BenchCluster.POD_TEAM_LABEL, "team-0"));
      Duration timeout = Duration.ofSeconds(300 + (long) (5.0 * namespaces / profile.qps()));
      if (!all.awaitCount(namespaces, timeout) || !team.awaitCount(teamNamespaces, timeout)) {
        throw new IllegalStateException(
            "the operator placed "
                + all.count()
                + " of "
                + namespaces
                + " and "
                + team.count()
                + " of "
                + teamNamespaces
                + " copies within "
                + timeout
                + ":\n"
                + operator.logTail(30));
      }
      convergence = (System.nanoTime() - start) / 1e9;
      awaitQuiet(operator);
      for (int r = 0; r < runs; r++) {
        ProcessMemory.collectGarbage(operator.pid());
        heap.add(heapUsed(operator) / MIB);
        rss.add(ProcessMemory.residentBytes(operator.pid()) / MIB);
        setup.progress(
            String.format(
                "memory run %d/%d: RSS %.0f MiB, heap after GC %.0f MiB",
                r + 1, runs, rss.get(r), heap.get(r)));
        Thread.sleep(BETWEEN_RUNS.toMillis());
      }
      peak = ProcessMemory.peakResidentBytes(operator.pid()) / MIB;
      histogram = ProcessMemory.histogram(operator.pid(), HISTOGRAM_LINES);
      committed =
          PrometheusText.sum(
                  PrometheusText.parse(operator.metrics()),
                  "jvm_memory_bytes_committed",
                  Map.of("area", "heap"))
              / MIB;
    }
    String scale =
        Numbers.format(namespaces) + " namespaces, " + Numbers.format(podCount) + " pods";
    String setUp =
        "set-up: namespaces "
            + Numbers.format(namespacesTook.toMillis() / 1000.0)
            + " s, pods "
            + Numbers.format(podsTook.toMillis() / 1000.0)
            + " s; operator start to "
            + Numbers.format(namespaces + teamNamespaces)
            + " copies in place "
            + Numbers.format(convergence)
            + " s";
    return List.of(
        Figure.of(
            "memory",
            "RSS, " + scale,
            Summary.of(rss),
            "MiB",
            Target.medianAtMost(160, "≤ 160 MiB"),
            "VmRSS after a full GC; JVM options "
                + String.join(" ", setup.launcher().jvmOptions())
                + "; "
                + setUp),
        Figure.of(
            "memory",
            "RSS on an empty cluster",
            Summary.of(empty.rss()),
            "MiB",
            EMPTY_CLUSTER_RSS,
            "the same operator, ready, after a full GC, before any namespace or pod exists: the"
                + " fixed cost; heap in use "
                + Numbers.format(Summary.of(empty.heap()).median())
                + " MiB"),
        Figure.of(
            "memory",
            "start-up to /readyz 200 on an empty cluster",
            Summary.of(empty.readyMillis()),
            "ms",
            START_UP,
            "from the process start to the first /readyz 200, polled every 20 ms; after one"
                + " unmeasured start that warms the API server"),
        Figure.of(
            "memory",
            "peak RSS since start, " + scale,
            Summary.of(peak),
            "MiB",
            Target.none(),
            "VmHWM: includes the start-up LISTs of all pods and namespaces"),
        Figure.of(
            "memory",
            "heap in use after full GC, " + scale,
            Summary.of(heap),
            "MiB",
            Target.none(),
            "heap committed "
                + Numbers.format(committed)
                + " MiB; largest live classes: "
                + histogram.stream()
                    .map(
                        h ->
                            h.className()
                                + " "
                                + Numbers.format(h.bytes() / MIB)
                                + " MiB ("
                                + Numbers.format(h.instances())
                                + ")")
                    .collect(Collectors.joining(", "))));
  }

  /** Figures of ready operators on the still empty cluster, one entry per run. */
  private record EmptyCluster(List<Double> rss, List<Double> heap, List<Double> readyMillis) {}

  /**
   * Starts the operator {@code runs} times on the still empty cluster and reads, per run, its RSS
   * and heap in use after a full GC and its start-up to ready. A first start, not measured, warms
   * the API server: a freshly started kube-apiserver answers a new client's first discovery and
   * list requests slowly (the first operator start took 2.3 s, the next ones ~1.1 s), and a
   * cluster's API server is never that fresh.
   */
  private EmptyCluster emptyCluster() throws Exception {
    try (OperatorJvm warmUp = startEmpty("memory-empty-warm-up")) {
      warmUp.awaitReady(Duration.ofMinutes(2));
    }
    List<Double> rss = new ArrayList<>();
    List<Double> heap = new ArrayList<>();
    List<Double> ready = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      try (OperatorJvm operator = startEmpty("memory-empty")) {
        operator.awaitReady(Duration.ofMinutes(2));
        Thread.sleep(BETWEEN_RUNS.toMillis());
        ProcessMemory.collectGarbage(operator.pid());
        rss.add(ProcessMemory.residentBytes(operator.pid()) / MIB);
        heap.add(heapUsed(operator) / MIB);
        ready.add(operator.readyAfter().toNanos() / 1e6);
      }
      setup.progress(
          String.format(
              "memory on an empty cluster, run %d/%d: ready after %.0f ms, RSS %.0f MiB, heap"
                  + " after GC %.0f MiB",
              r + 1, runs, ready.get(r), rss.get(r), heap.get(r)));
    }
    return new EmptyCluster(rss, heap, ready);
  }

  private OperatorJvm startEmpty(String name) {
    return setup.launcher().start(setup.cluster().kubeconfig(), name, profile.operatorFlags());
  }

  private static double heapUsed(OperatorJvm operator) {
    return PrometheusText.sum(
        PrometheusText.parse(operator.metrics()), "jvm_memory_bytes_used", Map.of("area", "heap"));
  }

  /** Waits until the operator's write count has not moved for five seconds. */
  static void awaitQuiet(OperatorJvm operator) throws InterruptedException {
    double last = -1;
    for (int i = 0; i < 120; i++) {
      double writes =
          PrometheusText.sum(
              PrometheusText.parse(operator.metrics()), "imps_api_writes_total", Map.of());
      if (writes == last) {
        return;
      }
      last = writes;
      Thread.sleep(5000);
    }
  }
}
