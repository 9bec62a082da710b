package dev.imps.benchmarks.micro;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Summary;
import dev.imps.benchmarks.report.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks in forked JVMs and turns every measured iteration into one run of a
 * {@link Figure}.
 */
public final class MicroBenchmarks {

  /**
   * How much JMH measures.
   *
   * @param forks JVMs per benchmark
   * @param warmupIterations warm-up iterations per fork, not reported
   * @param measurementIterations measured iterations per fork; each is one run of the figure
   * @param iterationSeconds length of one iteration
   */
  public record Settings(
      int forks, int warmupIterations, int measurementIterations, int iterationSeconds) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is out of range
     */
    public Settings {
      if (forks < 1 || warmupIterations < 0 || measurementIterations < 1 || iterationSeconds < 1) {
        throw new IllegalArgumentException(
            "need forks >= 1, warm-ups >= 0, measurements >= 1 and iterations of >= 1 s");
      }
    }

    /**
     * Returns the default: one fork, 3 warm-up and 5 measured iterations of 1 s (about 10 s per
     * benchmark).
     *
     * @return the settings
     */
    public static Settings quick() {
      return new Settings(1, 3, 5, 1);
    }

    /**
     * Returns the {@code --full} settings: two forks, 5 warm-up and 10 measured iterations of 1 s.
     *
     * @return the settings
     */
    public static Settings full() {
      return new Settings(2, 5, 10, 1);
    }
  }

  private final Settings settings;

  private MicroBenchmarks(Settings settings) {
    this.settings = settings;
  }

  /**
   * Creates the runner.
   *
   * @param settings how much to measure
   * @return the runner
   */
  public static MicroBenchmarks with(Settings settings) {
    return new MicroBenchmarks(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Runs both benchmarks.
   *
   * @return the selector figures (per pass and per pair) and the render figure
   * @throws RunnerException if JMH fails
   */
  public List<Figure> run() throws RunnerException {
    List<Figure> figures = new ArrayList<>();
    Summary pass = scores(run(SelectorBenchmark.class));
    SelectorWorkload shape = SelectorWorkload.create(SelectorBenchmark.SEED);
    double nanosPerPairPerMilli = 1e6 / shape.pairs();
    figures.add(
        Figure.of(
            "micro: selector",
            "100 CRs × 10 000 namespaces × 10 labels, one pass",
            pass,
            "ms",
            Target.none(),
            "JMH average time per pass; each run is one "
                + settings.iterationSeconds()
                + " s iteration; "
                + shape.evaluateAll()
                + " of "
                + shape.pairs()
                + " pairs match"));
    figures.add(
        Figure.of(
            "micro: selector",
            "per namespace × CR",
            scale(pass, nanosPerPairPerMilli),
            "ns",
            Target.none(),
            "the pass divided by " + Numbers.format(shape.pairs()) + " pairs"));
    figures.add(
        Figure.of(
            "micro: render",
            "merged config from 20 sources",
            scores(run(RenderBenchmark.class)),
            "µs",
            Target.none(),
            "parse, merge (shadowed registries included) and canonical bytes"));
    return figures;
  }

  private Collection<RunResult> run(Class<?> benchmark) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
            .forks(settings.forks())
            .warmupIterations(settings.warmupIterations())
            .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
            .measurementIterations(settings.measurementIterations())
            .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    return new Runner(options).run();
  }

  /** Every measured iteration of every fork, in the benchmark's own unit. */
  static Summary scores(Collection<RunResult> results) {
    List<Double> runs = new ArrayList<>();
    for (RunResult result : results) {
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          runs.add(iteration.getPrimaryResult().getScore());
        }
      }
    }
    if (runs.isEmpty()) {
      throw new IllegalStateException("JMH returned no measured iteration");
    }
    return Summary.of(runs);
  }

  private static Summary scale(Summary summary, double factor) {
    return Summary.of(summary.runs().stream().map(v -> v * factor).toList());
  }
}
