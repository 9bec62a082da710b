package dev.imps.benchmarks.cluster;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Percentiles;
import dev.imps.benchmarks.report.Summary;
import dev.imps.benchmarks.report.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Latency of "namespace created → copy present" while imps runs: namespaces matching one
 * ImagePullSecret are created one at a time at a steady rate, and for each the time from sending
 * its create request to the moment a watch in this process sees the copy in it is one sample. Each
 * run yields a p50 and a p99 (nearest rank); the figures are the median of the runs.
 *
 * @param setup the cluster; how the operator is started; where progress lines go
 * @param perRun namespaces per run
 * @param rate namespaces created per second
 * @param runs how many runs
 */
public record LatencyBenchmark(BenchSetup setup, int perRun, double rate, int runs) {

  /** The namespace label the latency ImagePullSecret selects. */
  public static final String LABEL = "imps-bench/latency";

  private static final String COPY = "latency-copy";
  private static final int WARM_UP = 20;

  /**
   * Runs the benchmark with imps's default client settings.
   *
   * @return the p50 and p99 figures
   * @throws Exception if the cluster, the operator or the watch fails
   */
  public List<Figure> run() throws Exception {
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    List<Double> worst = new ArrayList<>();
    try (OperatorJvm operator =
            setup
                .launcher()
                .start(
                    setup.cluster().kubeconfig(),
                    "latency",
                    ClientProfile.IMPS_DEFAULTS.operatorFlags());
        CopyWatch watch = CopyWatch.start(setup.cluster().kube().adminClient(), COPY)) {
      operator.awaitReady(Duration.ofMinutes(2));
      setup.cluster().createImagePullSecret("bench-latency", COPY, Map.of(LABEL, "yes"));
      samples(watch, "lw", WARM_UP, operator);
      for (int r = 0; r < runs; r++) {
        List<Double> millis = samples(watch, "l" + r, perRun, operator);
        p50.add(Percentiles.nearestRank(millis, 0.50));
        p99.add(Percentiles.nearestRank(millis, 0.99));
        worst.add(Percentiles.nearestRank(millis, 1.0));
        setup.progress(
            String.format(
                "latency run %d/%d: %d namespaces at %s/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                r + 1, runs, perRun, Numbers.format(rate), p50.get(r), p99.get(r), worst.get(r)));
      }
    }
    String how =
        perRun
            + " namespaces per run created one at a time at "
            + Numbers.format(rate)
            + "/s; from sending the create to the copy seen by a watch";
    return List.of(
        Figure.of(
            "latency",
            "p50 namespace created → copy present",
            Summary.of(p50),
            "ms",
            Target.medianBelow(100, "< 100 ms"),
            how),
        Figure.of(
            "latency",
            "p99 namespace created → copy present",
            Summary.of(p99),
            "ms",
            Target.medianBelow(500, "< 500 ms"),
            how + "; worst single sample " + Numbers.format(Summary.of(worst).max()) + " ms"));
  }

  /** Creates {@code count} namespaces at the rate and returns each one's latency in ms. */
  private List<Double> samples(CopyWatch watch, String prefix, int count, OperatorJvm operator)
      throws Exception {
    List<String> names = BenchCluster.names(prefix, count);
    long[] sent = new long[count];
    long interval = (long) (1e9 / rate);
    long start = System.nanoTime();
    int before = watch.count();
    for (int i = 0; i < count; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      sent[i] = System.nanoTime();
      setup.cluster().createNamespace(names.get(i), Map.of(LABEL, "yes"));
    }
    if (!watch.awaitCount(before + count, Duration.ofSeconds(60))) {
      throw new IllegalStateException(
          "only "
              + (watch.count() - before)
              + " of "
              + count
              + " latency copies appeared within 60 s; operator log:\n"
              + operator.logTail(30));
    }
    List<Double> millis = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      millis.add((watch.firstSeen().get(names.get(i)) - sent[i]) / 1e6);
    }
    return millis;
  }
}
