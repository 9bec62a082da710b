package dev.imps.benchmarks.micro;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Selector evaluation: one operation evaluates 100 rules for 10 000 namespaces with 10 labels each
 * (one million namespace × rule pairs). Iteration and fork counts come from {@link
 * MicroBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SelectorBenchmark {

  /** The seed every fork uses, so all runs evaluate the same data. */
  public static final long SEED = 20_260_101L;

  private SelectorWorkload workload;

  /** Builds the workload once per fork. */
  @Setup(Level.Trial)
  public void setUp() {
    workload = SelectorWorkload.create(SEED);
  }

  /**
   * Evaluates every rule for every namespace.
   *
   * @return the number of matching pairs, so the JIT cannot drop the work
   */
  @Benchmark
  public int evaluateHundredRulesOverTenThousandNamespaces() {
    return workload.evaluateAll();
  }
}
