package dev.imps.benchmarks;

import picocli.CommandLine;

/** Entry point of {@code scripts/bench.sh}: {@code java -cp ... dev.imps.benchmarks.BenchMain}. */
public final class BenchMain {

  private BenchMain() {}

  /**
   * Runs the benchmarks.
   *
   * @param args the command line, see {@link BenchCommand}
   */
  public static void main(String[] args) {
    // Before anything logs: our configuration, not the operator's logback.xml on the class path.
    System.setProperty("logback.configurationFile", "bench-logback.xml");
    CommandLine command =
        new CommandLine(new BenchCommand(System.out))
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  if (e instanceof IllegalArgumentException) {
                    cmd.getErr().println(e.getMessage());
                    return 2;
                  }
                  throw e;
                });
    System.exit(command.execute(args));
  }
}
