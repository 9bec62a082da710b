package dev.imps.benchmarks;

import java.io.PrintStream;
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
    System.exit(commandLine(System.out).execute(args));
  }

  /**
   * Returns the command line: a bad flag value (an {@link IllegalArgumentException} from the
   * command) exits with status 2 and its message on standard error, as picocli's own usage errors
   * do.
   *
   * @param out where progress and the table go
   * @return the command line, ready to execute
   */
  public static CommandLine commandLine(PrintStream out) {
    return new CommandLine(new BenchCommand(out))
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (e instanceof IllegalArgumentException) {
                cmd.getErr().println(e.getMessage());
                return 2;
              }
              throw e;
            });
  }
}
