package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.imps.controller.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@code imps plan} through the real command line ({@link Main#commandLine()}), with its
 * exit status and what it printed.
 *
 * @param exitCode the exit status
 * @param out standard output
 * @param err standard error
 */
record PlanRun(int exitCode, String out, String err) {

  /** Runs {@code imps plan <args>}. */
  static PlanRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>();
    all.add("plan");
    all.addAll(List.of(args));
    int code =
        Main.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new PlanRun(code, out.toString(), err.toString());
  }

  /** Runs {@code imps plan <args>} and asserts that it exits 0, showing standard error if not. */
  static PlanRun succeeding(String... args) {
    PlanRun run = of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  /** Parses the output of a {@code -o json} run. */
  JsonObject json() {
    return JsonParser.parseString(out).getAsJsonObject();
  }

  /** Both streams, to check that something appears nowhere. */
  String everything() {
    return out + err;
  }
}
