package dev.imps.benchmarks.cluster;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Percentiles;
import dev.imps.benchmarks.report.Summary;
import dev.imps.benchmarks.report.Target;
import dev.imps.controller.runtime.KubeClients;
import dev.imps.controller.runtime.WriteRateLimiter;
import dev.imps.envtest.metrics.PrometheusText;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Convergence against the limit, for one or more sizes {@code N}, on namespaces created once and
 * shared by every run (a run of size {@code N} uses the first {@code N}). For each client profile
 * an operator is started and warmed up, and then each run measures, in alternating order:
 *
 * <ul>
 *   <li><b>the limit</b>: a tight loop of {@code parallel} threads that creates the same {@code N}
 *       secrets (same type and data as imps's copies) through a client built the way imps builds
 *       its own ({@link KubeClients}) and the same write rate limiter ({@link WriteRateLimiter}) at
 *       the same qps and burst;
 *   <li><b>imps</b>: an ImagePullSecret selecting the {@code N} namespaces is created; the time
 *       runs until the copy is present in all of them.
 * </ul>
 *
 * <p>Both are timed from the first request to the moment one watch in this process has seen the
 * {@code N}-th secret, so both include the same watch delivery. After each run the tight loop's
 * secrets are deleted and the run's ImagePullSecret is deleted, and the next run waits until imps
 * has removed every copy (that time is reported too), so each run starts from the same state.
 */
public final class ConvergenceBenchmark {

  /** The label every benchmark namespace carries. */
  public static final String LABEL = "imps-bench/convergence";

  /** The start of the label {@code imps-bench/size-<N>=yes} on the first {@code N} namespaces. */
  public static final String SIZE_LABEL_PREFIX = "imps-bench/size-";

  /** The label that puts namespaces in buckets of 100, for warm-ups on a subset. */
  public static final String BUCKET_LABEL = "imps-bench/bucket";

  private static final int BUCKET_SIZE = 100;
  private static final int WARM_UP_MAX = 1000;
  private static final Duration SETTLE = Duration.ofSeconds(2);

  /** How long the second client runs idle before each imps run. */
  private static final Duration SECOND_CLIENT_IDLE = Duration.ofSeconds(5);

  private final BenchSetup setup;
  private final List<Integer> sizes;
  private final int runs;
  private final List<String> names;

  /**
   * Creates the benchmark.
   *
   * @param setup the cluster; how operators are started; where progress lines go
   * @param sizes the values of N, each at least 1
   * @param runs measured runs per profile and size
   */
  public ConvergenceBenchmark(BenchSetup setup, List<Integer> sizes, int runs) {
    this.setup = setup;
    this.sizes = sizes.stream().distinct().sorted().toList();
    this.runs = runs;
    this.names = BenchCluster.names("conv", this.sizes.get(this.sizes.size() - 1));
  }

  /**
   * Returns the namespaces the runs use, for later benchmarks on the same cluster.
   *
   * @return the names, each labelled {@value #LABEL}{@code =yes}
   */
  public List<String> namespaces() {
    return names;
  }

  /**
   * Creates the namespaces and runs every profile at every size.
   *
   * @param profiles the client settings to compare at
   * @return two figures per profile and size: convergence against the limit, and the clean-up time
   * @throws Exception if the cluster, the operator or a watch fails
   */
  public List<Figure> run(List<ClientProfile> profiles) throws Exception {
    Duration created =
        setup
            .cluster()
            .createNamespaces(
                names,
                i -> {
                  Map<String, String> labels = new HashMap<>();
                  labels.put(LABEL, "yes");
                  labels.put(BUCKET_LABEL, Integer.toString(i / BUCKET_SIZE));
                  sizes.stream()
                      .filter(size -> i < size)
                      .forEach(size -> labels.put(SIZE_LABEL_PREFIX + size, "yes"));
                  return labels;
                });
    setup.progress(
        String.format(
            "convergence: created %d namespaces in %.1f s",
            names.size(), created.toMillis() / 1000.0));
    List<Figure> figures = new ArrayList<>();
    for (int p = 0; p < profiles.size(); p++) {
      ClientProfile profile = profiles.get(p);
      try (OperatorJvm operator =
          setup
              .launcher()
              .start(setup.cluster().kubeconfig(), "convergence-" + p, profile.operatorFlags())) {
        operator.awaitReady(Duration.ofMinutes(2));
        warmUp(p, profile, operator, timeout(profile, WARM_UP_MAX));
        for (int size : sizes) {
          figures.addAll(run(p, profile, operator, size));
        }
      }
    }
    return figures;
  }

  private static Duration timeout(ClientProfile profile, int namespaces) {
    return Duration.ofSeconds(120 + (long) (5.0 * namespaces / Math.min(profile.qps(), 300)));
  }

  private List<Figure> run(int index, ClientProfile profile, OperatorJvm operator, int namespaces)
      throws Exception {
    List<Double> limit = new ArrayList<>();
    List<Double> imps = new ArrayList<>();
    List<Double> loop = new ArrayList<>();
    List<Double> sweep = new ArrayList<>();
    List<Double> limitFirst = new ArrayList<>();
    List<Double> impsFirst = new ArrayList<>();
    Duration timeout = timeout(profile, namespaces);
    List<String> where = names.subList(0, namespaces);
    Map<String, Object> selector =
        Map.of("matchLabels", Map.of(SIZE_LABEL_PREFIX + namespaces, "yes"));
    List<Double> secondIdle = new ArrayList<>();
    List<Double> secondDuring = new ArrayList<>();
    SecondClient second =
        SecondClient.start(
            setup.cluster().kubeconfig(), "second-client-p" + index + "n" + namespaces);
    try {
      for (int r = 0; r < runs; r++) {
        String tag = "p" + index + "n" + namespaces + "r" + r;
        double writesBefore = writes(operator);
        double[] limitRun;
        double[] impsRun;
        if (r % 2 == 0) {
          limitRun = limit(profile, where, tag, timeout);
          Thread.sleep(SETTLE.toMillis());
          impsRun =
              imps(operator, tag, selector, namespaces, timeout, second, secondIdle, secondDuring);
        } else {
          impsRun =
              imps(operator, tag, selector, namespaces, timeout, second, secondIdle, secondDuring);
          Thread.sleep(SETTLE.toMillis());
          limitRun = limit(profile, where, tag, timeout);
        }
        double impsWrites = writes(operator) - writesBefore;
        double sweepRun = cleanUp(operator, tag, where, timeout);
        limit.add(limitRun[0]);
        loop.add(limitRun[1]);
        limitFirst.add(limitRun[2]);
        imps.add(impsRun[0]);
        impsFirst.add(impsRun[1]);
        sweep.add(sweepRun);
        setup.progress(
            String.format(
                "convergence %d namespaces, %s, run %d/%d: limit %.2f s, imps %.2f s"
                    + " (%.0f writes); imps removed the copies in %.2f s",
                namespaces,
                profile.label(),
                r + 1,
                runs,
                limitRun[0],
                impsRun[0],
                impsWrites,
                sweepRun));
      }
    } finally {
      second.close();
    }
    Summary limitSummary = Summary.of(limit);
    String name = Numbers.format(namespaces) + " namespaces, " + profile.label();
    return List.of(
        Figure.againstLimit(
            "convergence",
            name,
            Summary.of(imps),
            limitSummary,
            "s",
            Target.medianAtMost(1.3, "≤ 1.3 × limit"),
            "limit ≈ "
                + Numbers.format(namespaces / limitSummary.median())
                + " creates/s; the loop's last answer came after "
                + Numbers.format(Summary.of(loop).median())
                + " s (median); the first secret was seen after "
                + Numbers.format(Summary.of(limitFirst).median())
                + " s for the limit and "
                + Numbers.format(Summary.of(impsFirst).median())
                + " s for imps (medians), so the difference is start-up, not throughput,"
                + " where those two differ"),
        Figure.of(
            "convergence",
            "ImagePullSecret deleted → its "
                + Numbers.format(namespaces)
                + " copies gone, "
                + profile.label(),
            Summary.of(sweep),
            "s",
            Target.none(),
            "not a target of the issue; shows the clean-up each run waits for"),
        Figure.againstLimit(
            "convergence",
            "second client's p99 (GET + small write) while imps converges over "
                + Numbers.format(namespaces)
                + " namespaces, "
                + profile.label(),
            Summary.of(secondDuring),
            Summary.of(secondIdle),
            "ms",
            Target.medianAtMost(2, "≤ 2 × idle"),
            "the limit column is the same client's p99 idle ("
                + Numbers.format(SECOND_CLIENT_IDLE.toSeconds())
                + " s just before each imps run); one GET and one replace of a ConfigMap, "
                + SecondClient.PACE.toMillis()
                + " ms apart, on connections of its own"));
  }

  /**
   * One unmeasured run over the first buckets of namespaces (up to {@value #WARM_UP_MAX}, fewer
   * when the rate limit is low), so the JIT has compiled the operator's and the loop's paths before
   * the measured runs, as in an operator that has been running for a while.
   */
  private void warmUp(int index, ClientProfile profile, OperatorJvm operator, Duration timeout)
      throws Exception {
    int size =
        (int) Math.min(Math.min(names.size(), WARM_UP_MAX), Math.max(100, 10 * profile.qps()));
    int buckets = (size + BUCKET_SIZE - 1) / BUCKET_SIZE;
    List<String> values = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      values.add(Integer.toString(b));
    }
    List<String> subset = names.subList(0, Math.min(names.size(), buckets * BUCKET_SIZE));
    String tag = "p" + index + "w";
    limit(profile, subset, tag, timeout);
    imps(operator, tag, BenchCluster.selectorIn(BUCKET_LABEL, values), subset.size(), timeout);
    cleanUp(operator, tag, subset, timeout);
  }

  /**
   * Returns, in seconds: the time until the watch saw all, until the loop's last answer, and until
   * the watch saw the first secret.
   */
  private double[] limit(ClientProfile profile, List<String> where, String tag, Duration timeout)
      throws IOException, ApiException, InterruptedException {
    CoreV1Api core = new CoreV1Api(KubeClients.create(setup.cluster().kubeconfig()));
    WriteRateLimiter limiter = WriteRateLimiter.create(profile.qps(), profile.burst());
    String secret = "limit-" + tag;
    try (CopyWatch watch = CopyWatch.start(setup.cluster().kube().adminClient(), secret)) {
      long start = System.nanoTime();
      Duration loop =
          ParallelRequests.send(
              "create secret",
              where.size(),
              profile.parallel(),
              Optional.of(limiter),
              i ->
                  core.createNamespacedSecret(where.get(i), setup.cluster().copyLike(secret))
                      .execute());
      if (!watch.awaitCount(where.size(), timeout)) {
        throw new IllegalStateException(
            "the watch saw " + watch.count() + " of " + where.size() + " limit secrets");
      }
      return new double[] {
        (watch.lastArrival() - start) / 1e9,
        loop.toNanos() / 1e9,
        (watch.firstArrival() - start) / 1e9
      };
    }
  }

  /**
   * Runs {@link #imps} with the second client's p99 noted idle (over {@link #SECOND_CLIENT_IDLE}
   * just before) and while imps converges.
   */
  private double[] imps(
      OperatorJvm operator,
      String tag,
      Map<String, Object> selector,
      int expected,
      Duration timeout,
      SecondClient second,
      List<Double> idleP99,
      List<Double> duringP99)
      throws ApiException, InterruptedException {
    second.takeLatencies();
    Thread.sleep(SECOND_CLIENT_IDLE.toMillis());
    idleP99.add(Percentiles.nearestRank(second.takeLatencies(), 0.99));
    double[] run = imps(operator, tag, selector, expected, timeout);
    duringP99.add(Percentiles.nearestRank(second.takeLatencies(), 0.99));
    return run;
  }

  /** Returns, in seconds: the time until the watch saw all copies, and the first copy. */
  private double[] imps(
      OperatorJvm operator,
      String tag,
      Map<String, Object> selector,
      int expected,
      Duration timeout)
      throws ApiException, InterruptedException {
    String copy = "copy-" + tag;
    try (CopyWatch watch = CopyWatch.start(setup.cluster().kube().adminClient(), copy)) {
      long start = System.nanoTime();
      setup.cluster().createImagePullSecretSelecting("bench-" + tag, copy, selector);
      watch.awaitCopies(expected, timeout, operator);
      return new double[] {
        (watch.lastArrival() - start) / 1e9, (watch.firstArrival() - start) / 1e9
      };
    }
  }

  /**
   * Deletes the tight loop's secrets and the run's ImagePullSecret, waits until imps has removed
   * every copy and stopped writing, and returns how long the removal took in seconds.
   */
  private double cleanUp(OperatorJvm operator, String tag, List<String> where, Duration timeout)
      throws ApiException, InterruptedException {
    setup.cluster().deleteSecrets(where, "limit-" + tag);
    String copy = "copy-" + tag;
    double seconds;
    try (CopyWatch watch = CopyWatch.start(setup.cluster().kube().adminClient(), copy)) {
      long start = System.nanoTime();
      setup.cluster().deleteImagePullSecret("bench-" + tag);
      if (!watch.awaitNonePresent(timeout)) {
        throw new IllegalStateException(
            watch.presentCount()
                + " copies of a deleted ImagePullSecret were still there after "
                + timeout
                + "; operator log:\n"
                + operator.logTail(30));
      }
      seconds = (System.nanoTime() - start) / 1e9;
    }
    double last = -1;
    for (int i = 0; i < 60; i++) {
      double now = writes(operator);
      if (now == last) {
        break;
      }
      last = now;
      Thread.sleep(SETTLE.toMillis());
    }
    return seconds;
  }

  private static double writes(OperatorJvm operator) {
    return PrometheusText.sum(
        PrometheusText.parse(operator.metrics()), "imps_api_writes_total", Map.of());
  }
}
