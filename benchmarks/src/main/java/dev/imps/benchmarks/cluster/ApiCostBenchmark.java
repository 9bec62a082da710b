package dev.imps.benchmarks.cluster;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Summary;
import dev.imps.benchmarks.report.Target;
import dev.imps.envtest.metrics.ApiServerRequests;
import dev.imps.envtest.metrics.PrometheusText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * API cost of periodic resyncs when nothing changed, counted by the API server itself ({@code
 * apiserver_request_total}) for the resources the operator uses.
 *
 * <p>An ImagePullSecret over the convergence benchmark's namespaces and one selecting namespaces by
 * their pods are added first. Then a control window of one interval with no operator running
 * measures what the API server does on its own on those resources. Then the operator starts with a
 * short {@code --periodic-reconcile-interval} on a cluster where every copy is in place; once its
 * start-up pass is over, each run is one window of one interval, which holds about one periodic
 * pass of every ImagePullSecret (the operator's own {@code imps_reconcile_total} says how many).
 * Nothing else touches the cluster meanwhile.
 */
public final class ApiCostBenchmark {

  /** The resources the operator reads or writes (no Lease: leader election is off). */
  public static final Set<String> OPERATOR_RESOURCES =
      Set.of("secrets", "namespaces", "pods", "imagepullsecrets", "serviceaccounts", "events");

  /** Long enough for the start-up pass to write 10 000 copies at 50 writes/s, with room. */
  private static final Duration START_UP_PASS_TIMEOUT = Duration.ofMinutes(15);

  private final BenchSetup setup;
  private final Duration interval;
  private final int runs;
  private int imagePullSecrets;

  /**
   * Creates the benchmark.
   *
   * @param setup the cluster, with every copy in place; how the operator is started; where progress
   *     lines go
   * @param interval the periodic reconcile interval, whole seconds
   * @param runs how many windows
   */
  public ApiCostBenchmark(BenchSetup setup, Duration interval, int runs) {
    this.setup = setup;
    this.interval = interval;
    this.runs = runs;
  }

  /**
   * Creates an ImagePullSecret over every namespace labelled {@value
   * ConvergenceBenchmark#LABEL}{@code =yes} (the operator creates its copies during its start-up
   * pass) and one over namespaces with pods labelled {@code app=web}, then runs the control window
   * and the measured windows.
   *
   * @return figures for writes, LISTs and all requests per window
   * @throws Exception if the cluster or the operator fails
   */
  public List<Figure> run() throws Exception {
    setup
        .cluster()
        .createImagePullSecret(
            "bench-resync", "resync-copy", Map.of(ConvergenceBenchmark.LABEL, "yes"));
    setup
        .cluster()
        .createPodSelectingImagePullSecret(
            "bench-resync-pods", "resync-pods-copy", Map.of("app", "web"));
    imagePullSecrets = setup.cluster().countImagePullSecrets();
    Map<ApiServerRequests.Key, Double> background = window();
    setup.progress("api cost: control window without operator: " + describe(background));
    List<Double> writes = new ArrayList<>();
    List<Double> lists = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    List<Double> reconciles = new ArrayList<>();
    List<Double> operatorWrites = new ArrayList<>();
    Map<ApiServerRequests.Key, Double> byKey = new TreeMap<>();
    try (OperatorJvm operator =
        setup
            .launcher()
            .start(
                setup.cluster().kubeconfig(),
                "api-cost",
                List.of(
                    "--periodic-reconcile-interval=" + interval.toSeconds(),
                    "--qps=" + ClientProfile.IMPS_DEFAULTS.qps(),
                    "--burst=" + ClientProfile.IMPS_DEFAULTS.burst()))) {
      operator.awaitReady(Duration.ofMinutes(3));
      awaitStartUpPass(operator);
      for (int r = 0; r < runs; r++) {
        double reconcilesBefore = sum(operator, "imps_reconcile_total");
        double writesBefore = sum(operator, "imps_api_writes_total");
        Map<ApiServerRequests.Key, Double> delta = window();
        double passes = sum(operator, "imps_reconcile_total") - reconcilesBefore;
        double ownWrites = sum(operator, "imps_api_writes_total") - writesBefore;
        writes.add(count(delta, k -> k.isWrite()));
        lists.add(count(delta, k -> k.verb().equals("LIST")));
        all.add(count(delta, k -> true));
        reconciles.add(passes);
        operatorWrites.add(ownWrites);
        delta.forEach((k, v) -> byKey.merge(k, v, Double::sum));
        setup.progress(
            String.format(
                "api cost run %d/%d: %s s window, %.0f reconciles: %s; operator's own write count %.0f",
                r + 1, runs, interval.toSeconds(), passes, describe(delta), ownWrites));
      }
    }
    if (Summary.of(reconciles).min() == 0) {
      throw new IllegalStateException(
          "a window of "
              + interval
              + " saw no periodic reconcile; the measurement would prove nothing");
    }
    String window =
        "per window of one periodic interval ("
            + interval.toSeconds()
            + " s), each holding "
            + Numbers.format(Summary.of(reconciles).median())
            + " reconciles (median) of "
            + imagePullSecrets
            + " ImagePullSecrets";
    return List.of(
        Figure.of(
            "api cost",
            "writes during no-op resyncs",
            Summary.of(writes),
            "requests",
            Target.noneInAnyRun(),
            window
                + "; the operator's own imps_api_writes_total agrees: "
                + Numbers.format(Summary.of(operatorWrites).max())
                + " at most"),
        Figure.of(
            "api cost",
            "LIST calls during no-op resyncs",
            Summary.of(lists),
            "requests",
            Target.noneInAnyRun(),
            window),
        Figure.of(
            "api cost",
            "all requests during no-op resyncs",
            Summary.of(all),
            "requests",
            Target.none(),
            "by kind over all windows: "
                + describe(byKey)
                + "; without the operator the API server itself made "
                + (background.isEmpty() ? "none" : describe(background))));
  }

  /** Waits until every ImagePullSecret has been reconciled once and writes have stopped. */
  private void awaitStartUpPass(OperatorJvm operator) throws InterruptedException {
    long deadline = System.nanoTime() + START_UP_PASS_TIMEOUT.toNanos();
    double lastWrites = -1;
    while (System.nanoTime() < deadline) {
      double reconciled = sum(operator, "imps_reconcile_total");
      double written = sum(operator, "imps_api_writes_total");
      if (reconciled >= imagePullSecrets && written == lastWrites) {
        return;
      }
      lastWrites = written;
      Thread.sleep(2000);
    }
    throw new IllegalStateException(
        "the operator's start-up pass did not finish within "
            + START_UP_PASS_TIMEOUT
            + ":\n"
            + operator.logTail(30));
  }

  private Map<ApiServerRequests.Key, Double> window() throws InterruptedException {
    Map<ApiServerRequests.Key, Double> before = ApiServerRequests.read(setup.cluster().admin());
    Thread.sleep(interval.toMillis());
    return ApiServerRequests.delta(
        before, ApiServerRequests.read(setup.cluster().admin()), OPERATOR_RESOURCES);
  }

  private static double sum(OperatorJvm operator, String metric) {
    return PrometheusText.sum(PrometheusText.parse(operator.metrics()), metric, Map.of());
  }

  private static double count(
      Map<ApiServerRequests.Key, Double> delta, Predicate<ApiServerRequests.Key> which) {
    return delta.entrySet().stream()
        .filter(e -> which.test(e.getKey()))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /**
   * Prints counts as {@code GET namespaces 4, WATCH secrets 1}.
   *
   * @param counts the counts by key
   * @return the text, or {@code no requests}
   */
  static String describe(Map<ApiServerRequests.Key, Double> counts) {
    if (counts.isEmpty()) {
      return "no requests";
    }
    return new TreeMap<>(counts)
        .entrySet().stream()
            .map(e -> e.getKey() + " " + Numbers.format(e.getValue()))
            .collect(Collectors.joining(", "));
  }
}
