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
 * Fast at any size: a cluster of its own with {@code namespaces} namespaces, {@code pods} pods and
 * {@code objects} ImagePullSecrets with mixed clauses (a quarter each by names, namespace labels,
 * namespace annotations and pod labels), all writing a copy of the same name, so that each
 * namespace is selected by at most one of them.
 *
 * <ul>
 *   <li><b>CPU per namespace event</b> at {@code smallNamespaces} and again after the cluster has
 *       grown to {@code namespaces}: the operator's CPU time ({@code /proc/<pid>/stat}) while
 *       {@code events} namespaces that one object selects are created at {@code rate}/s, minus its
 *       CPU time over an idle window of the same length, divided by {@code events}. It must stay
 *       flat: the ratio large / small ≤ 1.5.
 *   <li><b>Latency at size</b>: namespace created → copy present, and pod created in a namespace no
 *       object selects → copy present (a pod clause now selects it), one at a time at {@code
 *       rate}/s; p50 &lt; 50 ms, p99 &lt; 200 ms; and namespace created → copy present while
 *       another ImagePullSecret converges over every namespace.
 * </ul>
 *
 * @param setup an empty cluster of its own; how the operator is started; where progress lines go
 * @param profile the operator's client settings
 * @param settings sizes and rates
 */
public record ScaleBenchmark(BenchSetup setup, ClientProfile profile, Settings settings) {

  private static final String COPY = "scale-copy";
  private static final String CONVERGING_COPY = "converging-copy";
  private static final String SCALE_LABEL = "imps-bench/scale";
  private static final String TEAM_LABEL = "imps-bench/team";
  private static final String PULL_ANNOTATION = "imps-bench/pull";
  private static final String APP_LABEL = "imps-bench/app";
  private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(20);

  /** What the run is told to do. */
  public record Settings(
      int smallNamespaces, int namespaces, int pods, int objects, int events, double rate) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a size is out of range
     */
    public Settings {
      if (smallNamespaces < 1 || namespaces <= smallNamespaces) {
        throw new IllegalArgumentException(
            "need 0 < small namespaces < namespaces, got " + smallNamespaces + ", " + namespaces);
      }
      if (objects < 4 || events < 1 || pods < 0 || !(rate > 0)) {
        throw new IllegalArgumentException(
            "need objects ≥ 4, events ≥ 1, pods ≥ 0, rate > 0; got "
                + objects
                + ", "
                + events
                + ", "
                + pods
                + ", "
                + rate);
      }
    }
  }

  /**
   * Builds the cluster in two sizes and measures.
   *
   * @return the figures
   * @throws Exception if the cluster, the operator or a watch fails
   */
  public List<Figure> run() throws Exception {
    List<String> all = BenchCluster.names("sc", settings.namespaces());
    List<String> small = all.subList(0, settings.smallNamespaces());
    List<String> rest = all.subList(settings.smallNamespaces(), all.size());
    setup.cluster().createNamespaces(small, this::labelsOf, this::annotationsOf);
    List<Figure> figures = new ArrayList<>();
    try (OperatorJvm operator =
            setup.launcher().start(setup.cluster().kubeconfig(), "scale", profile.operatorFlags());
        CopyWatch copies = CopyWatch.start(setup.cluster().kube().adminClient(), COPY);
        CopyWatch converging =
            CopyWatch.start(setup.cluster().kube().adminClient(), CONVERGING_COPY)) {
      operator.awaitReady(Duration.ofMinutes(5));
      for (int k = 0; k < settings.objects(); k++) {
        setup.cluster().createImagePullSecret(objectName(k), target(k));
      }
      awaitCopies(copies, expectedCopies(settings.smallNamespaces()), operator);
      // Unmeasured: the JIT compiles the event path on the first events.
      List<String> warmUp = BenchCluster.names("cw", settings.events());
      paced(
          copies,
          warmUp,
          i -> setup.cluster().createNamespace(warmUp.get(i), Map.of(TEAM_LABEL, "team-1")),
          operator);
      double smallCpu = cpuPerNamespaceEvent(operator, copies, "cs");
      setup.progress(
          String.format(
              "scale: %d namespaces: %.2f ms CPU per namespace event",
              settings.smallNamespaces(), smallCpu));

      int offset = small.size();
      Duration grew =
          setup
              .cluster()
              .createNamespaces(rest, i -> labelsOf(i + offset), i -> annotationsOf(i + offset));
      List<String> unselected = BenchCluster.names("sp", settings.events());
      setup.cluster().createNamespaces(unselected, Map.of());
      int perNamespace = settings.pods() / settings.namespaces();
      Duration podsTook =
          perNamespace > 0 ? setup.cluster().createPods(all, perNamespace) : Duration.ZERO;
      setup.progress(
          String.format(
              "scale: grew to %d namespaces in %.0f s, %d pods in %.0f s",
              settings.namespaces(),
              grew.toMillis() / 1000.0,
              perNamespace * settings.namespaces(),
              podsTook.toMillis() / 1000.0));
      awaitCopies(copies, expectedCopies(settings.namespaces()), operator);
      double largeCpu = cpuPerNamespaceEvent(operator, copies, "cl");
      setup.progress(
          String.format(
              "scale: %d namespaces: %.2f ms CPU per namespace event",
              settings.namespaces(), largeCpu));

      Samples namespaceLatency = namespaceLatency(copies, "ln", operator);
      Samples podLatency = podLatency(copies, unselected, operator);
      setup
          .cluster()
          .createImagePullSecret(
              "scale-converging",
              Map.of(
                  "secret",
                  Map.of("name", CONVERGING_COPY),
                  "namespaces",
                  Map.of("labels", List.of(Map.of("matchLabels", Map.of(SCALE_LABEL, "yes"))))));
      Samples duringConvergence = namespaceLatency(copies, "lc", operator);
      int convergedWhileSampling = converging.count();
      setup.progress(
          String.format(
              "scale: %d of %d converging copies were in place when the last sample arrived",
              convergedWhileSampling, settings.namespaces()));

      String scale =
          Numbers.format(settings.namespaces())
              + " namespaces, "
              + Numbers.format(perNamespace * settings.namespaces())
              + " pods, "
              + settings.objects()
              + " objects";
      String eventHow =
          settings.events()
              + " namespaces created one at a time at "
              + Numbers.format(settings.rate())
              + "/s; operator CPU time (/proc stat, 10 ms ticks) minus an idle window as long";
      figures.add(cpuFigure(settings.smallNamespaces(), smallCpu, eventHow));
      figures.add(cpuFigure(settings.namespaces(), largeCpu, eventHow));
      figures.add(
          Figure.of(
              "scale",
              "CPU per namespace event, ratio large / small",
              Summary.of(largeCpu / Math.max(smallCpu, 0.01)),
              "×",
              Target.medianAtMost(1.5, "≤ 1.5"),
              Numbers.format(settings.namespaces())
                  + " vs "
                  + Numbers.format(settings.smallNamespaces())
                  + " namespaces"));
      figures.addAll(latency("namespace created → copy present, " + scale, namespaceLatency));
      figures.addAll(
          latency("pod created in an unselected namespace → copy present, " + scale, podLatency));
      figures.addAll(
          latency(
              "namespace created → copy present while another object converges ("
                  + convergedWhileSampling
                  + " of "
                  + settings.namespaces()
                  + " of its copies in place at the end)",
              duringConvergence));
    }
    return figures;
  }

  /**
   * The p50 and p99 of one kind of event, counted from the API server's answer to the create: the
   * object exists from then on, and what comes before is the API server's admission, which imps
   * cannot see. For a pod that is not small: the first pod of a namespace waits ~70 ms in the
   * LimitRanger admission plugin, which looks the namespace's LimitRanges up live when none are
   * cached (7-9 ms for the same create with the plugin off). Both counts go into the figure.
   */
  private List<Figure> latency(String what, Samples samples) {
    List<Double> millis = samples.fromAnswer();
    String how =
        millis.size()
            + " samples at "
            + Numbers.format(settings.rate())
            + "/s; from the API server's answer to the create to the copy seen by a watch; max "
            + Numbers.format(Percentiles.nearestRank(millis, 1.0))
            + " ms; counted from sending the create instead (admission included): p50 "
            + Numbers.format(Percentiles.nearestRank(samples.fromSend(), 0.50))
            + " ms, p99 "
            + Numbers.format(Percentiles.nearestRank(samples.fromSend(), 0.99))
            + " ms";
    return List.of(
        percentileFigure("p50", 0.50, 50, what, millis, how),
        percentileFigure("p99", 0.99, 200, what, millis, how));
  }

  /** The operator's CPU per namespace event at one size, in ms. */
  private static Figure cpuFigure(int namespaces, double millis, String how) {
    return Figure.of(
        "scale",
        "CPU per namespace event, " + Numbers.format(namespaces) + " ns",
        Summary.of(millis),
        "ms",
        Target.none(),
        how);
  }

  /** One percentile of latencies in ms, which must stay below {@code targetMillis}. */
  private static Figure percentileFigure(
      String percentile,
      double rank,
      int targetMillis,
      String what,
      List<Double> millis,
      String how) {
    return Figure.of(
        "scale",
        percentile + " " + what,
        Summary.of(Percentiles.nearestRank(millis, rank)),
        "ms",
        Target.medianBelow(targetMillis, "< " + targetMillis + " ms"),
        how);
  }

  /** Namespaces labelled for object 1 (a label clause), created one at a time. */
  private Samples namespaceLatency(CopyWatch copies, String prefix, OperatorJvm operator)
      throws Exception {
    List<String> names = BenchCluster.names(prefix, settings.events());
    return paced(
        copies,
        names,
        i -> setup.cluster().createNamespace(names.get(i), Map.of(TEAM_LABEL, "team-1")),
        operator);
  }

  /** A pod that object 3's pod clause wants, created in namespaces nobody selects. */
  private Samples podLatency(CopyWatch copies, List<String> unselected, OperatorJvm operator)
      throws Exception {
    return paced(
        copies,
        unselected,
        i -> setup.cluster().createPod(unselected.get(i), "trigger", Map.of(APP_LABEL, "svc-3")),
        operator);
  }

  /**
   * The operator's CPU per namespace event, in ms: CPU over the events and the quiet period after
   * them, minus what it uses idle (measured over a window as long as the events) for as long.
   */
  private double cpuPerNamespaceEvent(OperatorJvm operator, CopyWatch copies, String prefix)
      throws Exception {
    MemoryBenchmark.awaitQuiet(operator);
    long window = (long) (1000 * settings.events() / settings.rate());
    long idleBegin = System.nanoTime();
    double idleStart = ProcessCpu.seconds(operator.pid());
    Thread.sleep(window);
    double idlePerSecond =
        (ProcessCpu.seconds(operator.pid()) - idleStart) / ((System.nanoTime() - idleBegin) / 1e9);
    long busyBegin = System.nanoTime();
    double busyStart = ProcessCpu.seconds(operator.pid());
    List<String> names = BenchCluster.names(prefix, settings.events());
    paced(
        copies,
        names,
        i -> setup.cluster().createNamespace(names.get(i), Map.of(TEAM_LABEL, "team-1")),
        operator);
    MemoryBenchmark.awaitQuiet(operator);
    double busy = ProcessCpu.seconds(operator.pid()) - busyStart;
    double busySeconds = (System.nanoTime() - busyBegin) / 1e9;
    return Math.max(0, busy - idlePerSecond * busySeconds) * 1000 / settings.events();
  }

  /**
   * Latencies in ms, one per namespace: from sending the create, and from the API server's answer
   * to it (which leaves out the API server's own time to create).
   */
  private record Samples(List<Double> fromSend, List<Double> fromAnswer) {}

  /** Runs {@code trigger} for each index at the rate; returns each namespace's latency. */
  private Samples paced(
      CopyWatch copies, List<String> namespaces, Trigger trigger, OperatorJvm operator)
      throws Exception {
    int count = namespaces.size();
    long[] sent = new long[count];
    long[] answered = new long[count];
    long interval = (long) (1e9 / settings.rate());
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long wait = start + i * interval - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      sent[i] = System.nanoTime();
      trigger.fire(i);
      answered[i] = System.nanoTime();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!copies.firstSeen().keySet().containsAll(namespaces)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "copies missing after 120 s in "
                + namespaces.stream().filter(n -> !copies.firstSeen().containsKey(n)).count()
                + " of "
                + count
                + " namespaces; operator log:\n"
                + operator.logTail(30));
      }
      copies.awaitCount(copies.count() + 1, Duration.ofMillis(200));
    }
    List<Double> fromSend = new ArrayList<>(count);
    List<Double> fromAnswer = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long seen = copies.firstSeen().get(namespaces.get(i));
      fromSend.add((seen - sent[i]) / 1e6);
      fromAnswer.add((seen - answered[i]) / 1e6);
    }
    return new Samples(fromSend, fromAnswer);
  }

  private void awaitCopies(CopyWatch copies, int expected, OperatorJvm operator)
      throws InterruptedException {
    long start = System.nanoTime();
    copies.awaitCopies(expected, CONVERGENCE_TIMEOUT, operator);
    setup.progress(
        String.format(
            "scale: %d copies in place after %.1f s", expected, (System.nanoTime() - start) / 1e9));
  }

  /** Namespace {@code i} is in group {@code i mod objects}; groups 1 mod 4 get the label. */
  private Map<String, String> labelsOf(int i) {
    int group = i % settings.objects();
    return group % 4 == 1
        ? Map.of(SCALE_LABEL, "yes", TEAM_LABEL, "team-" + group)
        : Map.of(SCALE_LABEL, "yes");
  }

  /** Groups 2 mod 4 get the annotation. */
  private Map<String, String> annotationsOf(int i) {
    int group = i % settings.objects();
    return group % 4 == 2 ? Map.of(PULL_ANNOTATION, "team-" + group) : Map.of();
  }

  /** How many of the first {@code size} namespaces some object selects. */
  private int expectedCopies(int size) {
    int expected = 0;
    for (int i = 0; i < size; i++) {
      int group = i % settings.objects();
      if (group % 4 == 1 || group % 4 == 2 || (i < settings.objects() && i % 4 == 0)) {
        expected++;
      }
    }
    return expected;
  }

  private static String objectName(int k) {
    return String.format("scale-%03d", k);
  }

  /** Object k: by names (k mod 4 = 0), labels (1), annotations (2) or pod labels (3). */
  private static Map<String, Object> target(int k) {
    Map<String, Object> secret = Map.of("name", COPY);
    return switch (k % 4) {
      case 0 ->
          Map.of(
              "secret",
              secret,
              "namespaces",
              Map.of("names", List.of(BenchCluster.names("sc", k + 1).get(k))));
      case 1 ->
          Map.of(
              "secret",
              secret,
              "namespaces",
              Map.of("labels", List.of(Map.of("matchLabels", Map.of(TEAM_LABEL, "team-" + k)))));
      case 2 ->
          Map.of(
              "secret",
              secret,
              "namespaces",
              Map.of(
                  "annotations",
                  List.of(Map.of("matchAnnotations", Map.of(PULL_ANNOTATION, "team-" + k)))));
      default ->
          Map.of(
              "secret",
              secret,
              "namespacesWithPods",
              Map.of("labels", List.of(Map.of("matchLabels", Map.of(APP_LABEL, "svc-" + k)))));
    };
  }

  /** One paced action. */
  @FunctionalInterface
  private interface Trigger {
    void fire(int index) throws Exception;
  }
}
