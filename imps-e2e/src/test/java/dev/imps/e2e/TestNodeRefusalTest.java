package dev.imps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a node cannot run, {@code scripts/test-node.sh} refuses with exit status 2 and a message
 * saying why, before it changes anything (its work folder is not even created).
 */
class TestNodeRefusalTest {

  private static final Path TARGET = Path.of("target").toAbsolutePath();

  static Stream<Arguments> refusals() throws IOException {
    Path empty = Files.createDirectories(TARGET.resolve("refusal-empty-binaries"));
    boolean root = "root".equals(System.getProperty("user.name"));
    return Stream.of(
        Arguments.of(
            "not root",
            // as root, drop to nobody; as anyone else, the script is already not root
            root
                ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
                : List.of(),
            Map.of("KUBEBUILDER_ASSETS", empty.toString(), "IMPS_NODE_BINARIES", empty.toString()),
            "it must run as root"),
        Arguments.of(
            "KUBEBUILDER_ASSETS unset",
            List.of(),
            Map.of("IMPS_NODE_BINARIES", empty.toString()),
            "KUBEBUILDER_ASSETS is not set"),
        Arguments.of(
            "binaries missing",
            List.of(),
            Map.of("KUBEBUILDER_ASSETS", empty.toString(), "IMPS_NODE_BINARIES", empty.toString()),
            "missing " + empty.resolve("etcd")));
  }

  @ParameterizedTest(name = "{0}: the node refuses with a message")
  @MethodSource("refusals")
  void theNodeRefusesWithAMessageWhereItCannotRun(
      String description, List<String> prefix, Map<String, String> environment, String message)
      throws Exception {
    Path work = TARGET.resolve("refusal-" + description.replace(' ', '-'));
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            "bash",
            TestNodeExtension.repositoryRoot().resolve("scripts/test-node.sh").toString(),
            work.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("KUBEBUILDER_ASSETS");
    builder.environment().remove("IMPS_NODE_BINARIES");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("cannot run a test node here").contains(message);
    assertThat(work).doesNotExist();
  }
}
