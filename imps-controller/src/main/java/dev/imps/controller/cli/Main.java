package dev.imps.controller.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code imps.jar}. Subcommands: {@code controller} (the operator; the default, so
 * IMPS's flags work unchanged), {@code refresh} (IMPS's refresher binary: keep one target secret
 * merged from sources).
 */
@Command(
    name = "imps",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Image pull secrets where workloads need them (drop-in successor of IMPS).",
    exitCodeListHeading = "%nExit status (each command's --help lists its own):%n",
    exitCodeList = {
      "0:done",
      "1:an unexpected error, or plan's input cannot be read",
      "2:bad command line",
      "3-5:see the command's --help",
    },
    subcommands = {
      ControllerCommand.class,
      RefreshCommand.class,
      PlanCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit status for a bad command line, as picocli uses for parse errors. */
  static final int USAGE_ERROR = 2;

  private static final Set<String> TOP_LEVEL_FLAGS = Set.of("-h", "--help", "-V", "--version");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Creates the top-level command; picocli calls this. */
  public Main() {}

  /**
   * Runs imps and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // Before anything logs. The jar ships no logback.xml: parsing one costs the XML parser's and
    // Joran's classes (~3 MiB of RSS and ~0.3 s at start-up), and a library jar should leave an
    // embedder's logging alone. Commands with --log-level/--log-json configure it again.
    LogSetup.configure("info", false);
    System.exit(run(args));
  }

  /**
   * Runs imps without exiting.
   *
   * @param args the command line
   * @return the exit status
   */
  public static int run(String... args) {
    return commandLine().execute(withDefaultSubcommand(args));
  }

  /**
   * Returns the command line with every subcommand, for tests and tools.
   *
   * @return a fresh command line
   */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(
            (error, line, parsed) -> {
              // A flag value that parses but makes no sense: say which, like a parse error.
              if (error instanceof IllegalArgumentException) {
                line.getErr().println("imps: " + error.getMessage());
                return USAGE_ERROR;
              }
              throw error;
            });
  }

  /** Runs {@code controller} when the first argument is an option, as IMPS's binary took flags. */
  static String[] withDefaultSubcommand(String[] args) {
    if (args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL_FLAGS.contains(args[0]))) {
      List<String> all = new ArrayList<>();
      all.add("controller");
      all.addAll(List.of(args));
      return all.toArray(String[]::new);
    }
    return args;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
