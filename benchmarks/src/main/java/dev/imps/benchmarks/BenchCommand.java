package dev.imps.benchmarks;

import dev.imps.benchmarks.cluster.ApiCostBenchmark;
import dev.imps.benchmarks.cluster.BenchCluster;
import dev.imps.benchmarks.cluster.BenchSetup;
import dev.imps.benchmarks.cluster.ClientProfile;
import dev.imps.benchmarks.cluster.ConvergenceBenchmark;
import dev.imps.benchmarks.cluster.ImageClassArchive;
import dev.imps.benchmarks.cluster.JavaHome;
import dev.imps.benchmarks.cluster.JvmOptionsBenchmark;
import dev.imps.benchmarks.cluster.LatencyBenchmark;
import dev.imps.benchmarks.cluster.MemoryBenchmark;
import dev.imps.benchmarks.cluster.OperatorJvm;
import dev.imps.benchmarks.cluster.OperatorLauncher;
import dev.imps.benchmarks.cluster.ScaleBenchmark;
import dev.imps.benchmarks.ecr.EcrCallsBenchmark;
import dev.imps.benchmarks.micro.MicroBenchmarks;
import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Machine;
import dev.imps.benchmarks.report.ResultTable;
import dev.imps.benchmarks.report.ResultsFile;
import dev.imps.benchmarks.report.RunInfo;
import dev.imps.envtest.KubeBinaries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: runs the selected phases, prints the table and writes the Markdown results file. A
 * phase that fails is reported and the others still run; the exit status is then 1. Missed targets
 * are results, not failures.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Benchmarks imps against the API server's limit and the issue's targets.")
public final class BenchCommand implements Callable<Integer> {

  /**
   * The client settings of the operator in the phases on a cluster of their own: a rate limit high
   * enough not to slow the set-up of a large cluster, imps's default parallel writes.
   */
  private static final ClientProfile OWN_CLUSTER_PROFILE =
      new ClientProfile(1000, 1000, ClientProfile.IMPS_DEFAULTS.parallel());

  @Option(
      names = "--namespaces",
      paramLabel = "N",
      split = ",",
      description =
          "Namespaces per convergence run; several sizes separated by commas."
              + " Default: 1000, and 1000,10000 with --full.")
  List<Integer> namespaces;

  @Option(
      names = "--full",
      description =
          "The issue's large run: convergence at 1 000 and 10 000 namespaces, 5 runs, longer JMH"
              + " (over an hour on 2 cores).")
  boolean full;

  @Option(
      names = "--runs",
      paramLabel = "R",
      description = "Runs per figure of the cluster and ECR benchmarks. Default: 3, 5 with --full.")
  Integer runs;

  @Option(
      names = "--profiles",
      paramLabel = "QPS/BURST/PARALLEL",
      split = ",",
      description =
          "Client settings imps and the tight loop share, one convergence comparison each."
              + " Default: 100000/100000/32 (the API server is the limit) and 50/100/8 (imps's"
              + " defaults).")
  List<String> profiles;

  @Option(
      names = "--latency-namespaces",
      paramLabel = "M",
      defaultValue = "200",
      description = "Namespaces per latency run. Default: ${DEFAULT-VALUE}.")
  int latencyNamespaces;

  @Option(
      names = "--latency-rate",
      paramLabel = "PER_SECOND",
      defaultValue = "20",
      description = "Namespaces created per second in the latency runs. Default: ${DEFAULT-VALUE}.")
  double latencyRate;

  @Option(
      names = "--resync-interval",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description =
          "The operator's --periodic-reconcile-interval in the API cost benchmark, and the length"
              + " of each measured window. Default: ${DEFAULT-VALUE}.")
  int resyncSeconds;

  @Option(
      names = "--memory-namespaces",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Namespaces in the memory benchmark. Default: ${DEFAULT-VALUE}.")
  int memoryNamespaces;

  @Option(
      names = "--memory-pods",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Pods in the memory benchmark, spread evenly. Default: ${DEFAULT-VALUE}.")
  int memoryPods;

  @Option(
      names = "--scale-namespaces",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Namespaces in the scale benchmark at its large size. Default: ${DEFAULT-VALUE}.")
  int scaleNamespaces;

  @Option(
      names = "--scale-small-namespaces",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Namespaces in the scale benchmark at its small size (CPU per event is compared)."
              + " Default: ${DEFAULT-VALUE}.")
  int scaleSmallNamespaces;

  @Option(
      names = "--scale-pods",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Pods in the scale benchmark, spread evenly. Default: ${DEFAULT-VALUE}.")
  int scalePods;

  @Option(
      names = "--scale-objects",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "ImagePullSecrets with mixed clauses in the scale benchmark. Default: ${DEFAULT-VALUE}.")
  int scaleObjects;

  @Option(
      names = "--scale-events",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "Namespace or pod events per measurement in the scale benchmark, sent at"
              + " --latency-rate. Default: ${DEFAULT-VALUE}.")
  int scaleEvents;

  @Option(
      names = "--only",
      paramLabel = "PHASE",
      split = ",",
      description =
          "Run only these phases: micro, ecr, convergence, latency, api-cost, memory, scale,"
              + " jvm."
              + " Default: all.")
  List<String> only;

  @Option(
      names = "--operator-jar",
      paramLabel = "JAR",
      defaultValue = "imps-controller/target/imps.jar",
      description = "The operator's shaded jar. Default: ${DEFAULT-VALUE}.")
  Path operatorJar;

  @Option(
      names = "--operator-java",
      paramLabel = "JAVA_HOME",
      description =
          "The JDK or JRE that runs the operator (its bin/java), e.g."
              + " /usr/lib/jvm/temurin-25-jdk-amd64. Default: the one running the benchmarks.")
  Path operatorJavaHome;

  @Option(
      names = "--operator-jvm-options",
      paramLabel = "OPTIONS",
      description =
          "JVM options of the operator. Default: the chart's (jvm.options in its values) plus"
              + " what the JVM picks in the chart's 512 MiB container (-XX:MaxRAM=512m"
              + " -XX:+UseSerialGC) plus the image's class archive (see --class-list). The chart's"
              + " MALLOC_ARENA_MAX=2 is always set.")
  String operatorJvmOptions;

  @Option(
      names = "--class-list",
      paramLabel = "FILE",
      defaultValue = "imps-controller/src/main/cds/imps.classlist",
      description =
          "The class list the image's class archive is dumped from. With the default JVM options"
              + " the operator maps an archive of it, dumped by --operator-java for its jar, as"
              + " the image does. Default: ${DEFAULT-VALUE}.")
  Path classList;

  @Option(
      names = "--no-class-archive",
      description = "Run the operator without the image's class archive (default options only).")
  boolean noClassArchive;

  @Option(
      names = "--results-dir",
      paramLabel = "DIR",
      defaultValue = "benchmarks/results",
      description = "Where the Markdown results file goes. Default: ${DEFAULT-VALUE}.")
  Path resultsDirectory;

  @Option(names = "--no-results-file", description = "Print the table only; write no results file.")
  boolean noResultsFile;

  @Option(
      names = "--log-dir",
      paramLabel = "DIR",
      defaultValue = "benchmarks/target/bench-logs",
      description = "Where the operators' logs go. Default: ${DEFAULT-VALUE}.")
  Path logDirectory;

  @Option(
      names = "--machine",
      paramLabel = "NAME",
      description =
          "The machine's name in the results file name. Default: <host>-<cores>cpu-<GiB>gib.")
  String machineName;

  @Option(
      names = "--commit",
      paramLabel = "TEXT",
      defaultValue = "unknown",
      description = "The code's git commit, for the results file (scripts/bench.sh passes it).")
  String commit;

  @Option(
      names = "--command-line",
      paramLabel = "TEXT",
      hidden = true,
      description = "The command as the user typed it, for the results file.")
  String commandLine;

  private final PrintStream out;
  private final long started = System.nanoTime();

  /**
   * Creates the command printing to {@code out}.
   *
   * @param out where progress and the table go
   */
  public BenchCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    List<Integer> sizes =
        namespaces != null && !namespaces.isEmpty()
            ? namespaces
            : full ? List.of(1_000, 10_000) : List.of(1_000);
    int r = runs != null ? runs : full ? 5 : 3;
    List<ClientProfile> clientProfiles = clientProfiles();
    Set<Phase> phases = phases();
    for (int size : sizes) {
      checkPositive("--namespaces", size);
    }
    checkPositive("--runs", r);
    checkPositive("--latency-namespaces", latencyNamespaces);
    checkPositive("--resync-interval", resyncSeconds);
    checkPositive("--memory-namespaces", memoryNamespaces);
    checkPositive("--memory-pods", memoryPods);
    if (!(latencyRate > 0)) {
      throw new IllegalArgumentException("--latency-rate must be positive, got " + latencyRate);
    }
    boolean needsOperator =
        phases.stream()
            .anyMatch(
                p ->
                    p.usesSharedCluster()
                        || p == Phase.MEMORY
                        || p == Phase.SCALE
                        || p == Phase.JVM);
    if (needsOperator && !Files.isRegularFile(operatorJar)) {
      throw new IllegalArgumentException(
          "--operator-jar "
              + operatorJar
              + " does not exist; build it first (scripts/bench.sh does)");
    }
    Path jar = needsOperator ? snapshot(operatorJar) : operatorJar;
    List<String> options = jvmOptions();
    if (needsOperator && operatorJvmOptions == null && !noClassArchive) {
      Path archive = logDirectory.resolve("imps.jsa").toAbsolutePath();
      ImageClassArchive.dump(operatorJava(), jar, classList, archive);
      options = new ArrayList<>(options);
      options.addAll(ImageClassArchive.options(archive));
      progress("the image's class archive: " + archive + " (from " + classList + ")");
    }
    OperatorLauncher launcher = new OperatorLauncher(operatorJava(), jar, options, logDirectory);

    List<Figure> figures = new ArrayList<>();
    Map<String, Duration> took = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    if (phases.contains(Phase.MICRO)) {
      phase(
          "micro",
          took,
          failures,
          () ->
              figures.addAll(
                  MicroBenchmarks.with(
                          full ? MicroBenchmarks.Settings.full() : MicroBenchmarks.Settings.quick())
                      .run()));
    }
    if (phases.contains(Phase.ECR)) {
      phase(
          "ecr",
          took,
          failures,
          () -> figures.addAll(new EcrCallsBenchmark(r, this::progress).run()));
    }
    if (phases.stream().anyMatch(Phase::usesSharedCluster)) {
      sharedCluster(phases, sizes, r, clientProfiles, launcher, figures, took, failures);
    }
    if (phases.contains(Phase.MEMORY)) {
      phaseOnOwnCluster(
          "memory",
          took,
          failures,
          figures,
          launcher,
          setup ->
              new MemoryBenchmark(setup, OWN_CLUSTER_PROFILE, memoryNamespaces, memoryPods, r)
                  .run());
    }
    if (phases.contains(Phase.SCALE)) {
      ScaleBenchmark.Settings scale =
          new ScaleBenchmark.Settings(
              scaleSmallNamespaces,
              scaleNamespaces,
              scalePods,
              scaleObjects,
              scaleEvents,
              latencyRate);
      phaseOnOwnCluster(
          "scale",
          took,
          failures,
          figures,
          launcher,
          setup -> new ScaleBenchmark(setup, OWN_CLUSTER_PROFILE, scale).run());
    }
    if (phases.contains(Phase.JVM)) {
      phaseOnOwnCluster(
          "jvm",
          took,
          failures,
          figures,
          launcher,
          setup -> new JvmOptionsBenchmark(setup, r).run());
    }

    ResultTable table = ResultTable.of(figures);
    out.println();
    out.println(table.toText());
    table
        .missed()
        .forEach(
            f ->
                out.println(
                    "target missed: " + f.section() + " — " + f.name() + "\n  (" + f.note() + ")"));
    failures.forEach(f -> out.println("FAILED: " + f));
    Duration total = Duration.ofNanos(System.nanoTime() - started);
    out.println(
        "took "
            + ResultsFile.describePhases(Map.of("all", total))
            + ": "
            + ResultsFile.describePhases(took));
    if (!noResultsFile) {
      Machine machine = Machine.detect();
      if (machineName != null) {
        machine = machine.withName(machineName);
      }
      RunInfo info =
          new RunInfo(
              LocalDate.now(),
              machine,
              commandLine != null ? commandLine : "bench",
              commit,
              kubernetesVersion(),
              total,
              took,
              failures);
      Path file = ResultsFile.write(resultsDirectory, info, table);
      out.println("results written to " + file);
    }
    return failures.isEmpty() ? 0 : 1;
  }

  private void sharedCluster(
      Set<Phase> phases,
      List<Integer> sizes,
      int r,
      List<ClientProfile> clientProfiles,
      OperatorLauncher launcher,
      List<Figure> figures,
      Map<String, Duration> took,
      List<String> failures)
      throws Exception {
    try (BenchCluster cluster = BenchCluster.start()) {
      BenchSetup setup = new BenchSetup(cluster, launcher, this::progress);
      ConvergenceBenchmark convergence = new ConvergenceBenchmark(setup, sizes, r);
      if (phases.contains(Phase.CONVERGENCE)) {
        phase("convergence", took, failures, () -> figures.addAll(convergence.run(clientProfiles)));
      }
      if (phases.contains(Phase.LATENCY)) {
        phase(
            "latency",
            took,
            failures,
            () ->
                figures.addAll(
                    new LatencyBenchmark(setup, latencyNamespaces, latencyRate, r).run()));
      }
      if (phases.contains(Phase.API_COST)) {
        phase(
            "api-cost",
            took,
            failures,
            () -> {
              if (!phases.contains(Phase.CONVERGENCE)) {
                cluster.createNamespaces(
                    convergence.namespaces(), Map.of(ConvergenceBenchmark.LABEL, "yes"));
              }
              figures.addAll(
                  new ApiCostBenchmark(setup, Duration.ofSeconds(resyncSeconds), r).run());
            });
      }
    }
  }

  /** One phase's body. */
  @FunctionalInterface
  private interface Body {
    void run() throws Exception;
  }

  /** The figures of one benchmark that runs on a cluster of its own. */
  @FunctionalInterface
  private interface OwnClusterBenchmark {
    List<Figure> run(BenchSetup setup) throws Exception;
  }

  /** Runs a phase on a fresh cluster that is stopped after it. */
  private void phaseOnOwnCluster(
      String name,
      Map<String, Duration> took,
      List<String> failures,
      List<Figure> figures,
      OperatorLauncher launcher,
      OwnClusterBenchmark benchmark) {
    phase(
        name,
        took,
        failures,
        () -> {
          try (BenchCluster cluster = BenchCluster.start()) {
            figures.addAll(benchmark.run(new BenchSetup(cluster, launcher, this::progress)));
          }
        });
  }

  private void phase(String name, Map<String, Duration> took, List<String> failures, Body body) {
    long start = System.nanoTime();
    progress("phase " + name + " starts");
    try {
      body.run();
    } catch (Exception | Error e) {
      String message = name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
      failures.add(message.lines().findFirst().orElse(message));
      progress("phase " + name + " FAILED");
      e.printStackTrace(out);
    }
    took.put(name, Duration.ofNanos(System.nanoTime() - start));
    progress("phase " + name + " done in " + took.get(name).toSeconds() + " s");
  }

  private void progress(String line) {
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    out.printf("[%02d:%02d] %s%n", seconds / 60, seconds % 60, line);
    out.flush();
  }

  private List<ClientProfile> clientProfiles() {
    if (profiles == null || profiles.isEmpty()) {
      return List.of(ClientProfile.UNTHROTTLED, ClientProfile.IMPS_DEFAULTS);
    }
    List<ClientProfile> parsed = new ArrayList<>();
    for (String profile : profiles) {
      try {
        parsed.add(ClientProfile.parse(profile));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--profiles: " + e.getMessage(), e);
      }
    }
    return parsed;
  }

  private Set<Phase> phases() {
    if (only == null || only.isEmpty()) {
      return EnumSet.allOf(Phase.class);
    }
    Set<Phase> phases = EnumSet.noneOf(Phase.class);
    for (String name : only) {
      try {
        phases.add(Phase.parse(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--only: " + e.getMessage(), e);
      }
    }
    return phases;
  }

  /**
   * Copies the operator jar next to the logs, so every operator of the run is the same build even
   * if the jar is rebuilt meanwhile.
   */
  private Path snapshot(Path jar) throws IOException {
    Files.createDirectories(logDirectory);
    Path copy = logDirectory.resolve("imps.jar").toAbsolutePath();
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  private JavaHome operatorJava() {
    return operatorJavaHome == null
        ? JavaHome.of(Path.of(System.getProperty("java.home")))
        : JavaHome.of(operatorJavaHome);
  }

  private List<String> jvmOptions() {
    if (operatorJvmOptions != null) {
      return List.of(operatorJvmOptions.strip().split("\\s+"));
    }
    List<String> options = new ArrayList<>(OperatorJvm.CHART_JVM_OPTIONS);
    options.addAll(OperatorJvm.CHART_CONTAINER_LIMIT);
    return options;
  }

  private static void checkPositive(String flag, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
    }
  }

  private static String kubernetesVersion() {
    try {
      Process process =
          new ProcessBuilder(KubeBinaries.locate().kubeApiServer().toString(), "--version")
              .redirectErrorStream(true)
              .start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor(10, TimeUnit.SECONDS);
      return output.replace("Kubernetes ", "");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
