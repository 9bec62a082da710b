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
 * Rendering: one operation parses 20 docker config sources, merges them (earlier sources win a
 * shared registry) and serialises the canonical {@code .dockerconfigjson} bytes. Iteration and fork
 * counts come from {@link MicroBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {

  private RenderWorkload workload;

  /** Builds the workload once per fork. */
  @Setup(Level.Trial)
  public void setUp() {
    workload = RenderWorkload.create();
  }

  /**
   * Renders the merged config from 20 sources and takes its bytes.
   *
   * @return the {@code .dockerconfigjson} bytes, so the JIT cannot drop the work
   */
  @Benchmark
  public byte[] renderMergedConfigFromTwentySources() {
    return workload.render().dockerConfigJson();
  }
}
