package dev.imps.controller.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.envtest.KubeBinaries;
import dev.imps.testsupport.moto.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start: {@code scripts/demo.sh} runs on this machine as a user would run it
 * (control plane, CRD, examples, plan, operator), the operator creates what the plan said, and
 * everything it started is gone afterwards. The binaries, moto and imps.jar this build already has
 * are passed in, so the script provisions nothing; a missing one fails with its own message.
 */
class DemoScriptIT {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path JAR = Path.of("target", "imps.jar").toAbsolutePath();

  static final List<String> SECRET_VALUES =
      List.of(
          "not-a-real-password",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          MotoServer.DEFAULT_ACCOUNT + "-auth-token");

  @TempDir Path tmp;

  @Test
  void the_demo_runs_the_examples_end_to_end_and_stops_everything_it_started() throws Exception {
    assertThat(JAR)
        .as("imps.jar (built by mvn package before the integration tests)")
        .isRegularFile();
    Map<String, String> environment =
        Map.of(
            KubeBinaries.ASSETS_VARIABLE,
            KubeBinaries.locate().directory().toString(),
            "IMPS_MOTO_PYTHON",
            MotoServer.python().toString(),
            "IMPS_JAR",
            JAR.toString(),
            "TMPDIR",
            tmp.toString());
    Path log = tmp.resolve("demo.log");

    int exit = run(environment, log);

    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(exit).as(output).isZero();
    assertThat(output)
        .contains(
            "Plan: 14 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged,"
                + " 1 conflicts")
        .contains("the operator created 14 copies; the plan said 14")
        // READY and the NAMESPACES count (the list is in -o wide).
        .containsPattern("(?m)^istio-sidecars +Ready .*istio-pull-secret +True +2$")
        .containsPattern("(?m)^any-clause +Ready ")
        .containsPattern("(?m)^backyards-namespaces +Failed ")
        .contains(
            "Ready=False SecretConflict: secret backyards-pull-secret is blocked in 1"
                + " namespace(s): cert-manager")
        .containsPattern("(?m)^shop +istio-pull-secret +kubernetes.io/dockerconfigjson +1 ")
        .containsPattern("(?m)^istio-system +backyards-pull-secret +kubernetes.io/dockerconfigjson")
        .contains("DEMO OK");
    assertThat(output).doesNotContain(SECRET_VALUES);
    for (long pid : startedPids(output)) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
          .as("process %d started by the demo", pid)
          .isNotEqualTo(Optional.of(true));
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("demo.log");
    }
  }

  private static int run(Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", ROOT.resolve("scripts/demo.sh").toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process demo = builder.start();
    if (!demo.waitFor(5, TimeUnit.MINUTES)) {
      demo.destroy();
      demo.waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError(
          "demo.sh did not finish in 5 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    return demo.exitValue();
  }

  private static List<Long> startedPids(String output) {
    Matcher line = Pattern.compile("(?m)^pids: (.*)$").matcher(output);
    assertThat(line.find()).as("the demo prints the pids it started").isTrue();
    List<Long> pids =
        Pattern.compile("=(\\d+)")
            .matcher(line.group(1))
            .results()
            .map(m -> Long.parseLong(m.group(1)))
            .toList();
    assertThat(pids).hasSize(4);
    return pids;
  }
}
