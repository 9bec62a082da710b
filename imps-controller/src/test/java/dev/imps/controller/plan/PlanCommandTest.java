package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.cli.PlanCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exit statuses and messages of {@code imps plan}, through the real command line. */
class PlanCommandTest {

  @TempDir Path folder;

  @Test
  void invalid_input_exits_1_with_the_file_document_and_field_on_stderr_and_no_plan()
      throws IOException {
    Path file =
        write(
            "bad.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
                + "apiVersion: v1\nkind: Namespace\nmetadata: {name: b, annotations: [x]}\n");

    PlanRun run = PlanRun.of(file.toString());

    assertThat(run.exitCode()).isEqualTo(PlanCommand.INVALID_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "imps plan: "
                + file
                + " document 2 (Namespace b): metadata.annotations: must be an object of strings,"
                + " not a list\n");
  }

  @Test
  void an_invalid_spec_is_planned_as_invalid_and_exits_3_naming_where_it_is() throws IOException {
    Path file =
        write(
            "imps.yaml",
            """
            apiVersion: images.banzaicloud.io/v1alpha1
            kind: ImagePullSecret
            metadata: {name: pull}
            spec:
              registry: {credentials: []}
              target: {secret: {name: pull}}
            """);

    PlanRun run = PlanRun.of(file.toString(), "-o", "json");

    assertThat(run.exitCode()).isEqualTo(PlanFailure.INVALID.exitStatus()).isEqualTo(3);
    assertThat(PlanJson.plan(run.json(), "pull").get("invalidSpec").getAsString())
        .contains("spec.registry.credentials");
    assertThat(run.err())
        .startsWith("imps plan: invalid: " + file + " document 1: ImagePullSecret pull: ")
        .contains("spec.registry.credentials");
  }

  @Test
  void files_and_a_kubeconfig_together_are_refused() throws IOException {
    Path file = write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

    PlanRun run = PlanRun.of(file.toString(), "--kubeconfig", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give files or --kubeconfig, not both");
  }

  @Test
  void an_unknown_output_format_is_a_usage_error() {
    PlanRun run = PlanRun.of("-o", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--output").contains("xml");
  }

  @Test
  void a_kubeconfig_that_does_not_exist_is_named() {
    Path missing = folder.resolve("kubeconfig");

    PlanRun run = PlanRun.of("--kubeconfig", missing.toString());

    assertThat(run.exitCode()).isEqualTo(PlanCommand.INVALID_INPUT);
    assertThat(run.err()).startsWith("imps plan: cannot read kubeconfig " + missing);
  }

  @Test
  void an_empty_folder_plans_nothing_and_succeeds() {
    PlanRun run = PlanRun.succeeding(folder.toString());

    assertThat(run.out()).contains("0 ImagePullSecrets").contains("Plan: 0 to create, 0 to update");
  }

  /** An ImagePullSecret whose only source, registry-access/absent, does not exist. */
  private static String withAbsentSource(String name, String target) {
    return """
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata: {name: %s}
        spec:
          registry: {credentials: [{name: absent, namespace: registry-access}]}
          target: %s
        """
        .formatted(name, target);
  }

  /**
   * One finding of each kind: both objects miss their source; taken conflicts with the unmanaged
   * apps/pull; bad is invalid (a target name with a capital letter).
   */
  static final String FINDINGS =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: apps}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: pull, namespace: apps}
      type: kubernetes.io/dockerconfigjson
      stringData: {.dockerconfigjson: '{"auths": {}}'}
      ---
      """
          + withAbsentSource("taken", "{secret: {name: pull}, namespaces: {names: [apps]}}")
          + "---\n"
          + withAbsentSource("bad", "{secret: {name: Pull}}");

  static Stream<Arguments> failOn() {
    return Stream.of(
        Arguments.of(List.of(), 3, List.of("invalid: "), List.of("conflict: ", "missing-source: ")),
        Arguments.of(
            List.of("--fail-on", "conflict"),
            4,
            List.of("conflict: taken: apps/pull: "),
            List.of("invalid: ", "missing-source: ")),
        Arguments.of(
            List.of("--fail-on", "missing-source"),
            5,
            List.of("missing-source: taken: source secret registry-access/absent does not exist"),
            List.of("invalid: ", "conflict: ")),
        Arguments.of(
            List.of("--fail-on", "missing-source,conflict"),
            4,
            List.of("conflict: ", "missing-source: "),
            List.of("invalid: ")),
        Arguments.of(
            List.of("--fail-on", "missing-source", "--fail-on", "invalid"),
            3,
            List.of("invalid: ", "missing-source: "),
            List.of("conflict: ")));
  }

  @ParameterizedTest(name = "{0} exits {1}")
  @MethodSource("failOn")
  void fail_on_exits_with_the_status_of_the_first_kind_found_and_lists_every_finding_asked_for(
      List<String> options, int status, List<String> listed, List<String> unlisted)
      throws IOException {
    Path file = write("findings.yaml", FINDINGS);
    List<String> args = new ArrayList<>(options);
    args.add(file.toString());

    PlanRun run = PlanRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(status);
    assertThat(run.out()).contains("taken").contains("bad");
    for (String line : listed) {
      assertThat(run.err()).contains("imps plan: " + line);
    }
    for (String line : unlisted) {
      assertThat(run.err()).doesNotContain("imps plan: " + line);
    }
  }

  @Test
  void a_clean_plan_passes_every_fail_on_kind() throws IOException {
    Path file = write("clean.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

    PlanRun run =
        PlanRun.succeeding("--fail-on", "invalid,conflict,missing-source", file.toString());

    assertThat(run.err()).isEmpty();
  }

  @Test
  void an_unknown_fail_on_kind_is_a_usage_error_naming_the_kinds() {
    PlanRun run = PlanRun.of("--fail-on", "sometimes", folder.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown --fail-on kind 'sometimes'; expected invalid, conflict");
  }

  @Test
  void help_lists_every_exit_status() {
    PlanRun run = PlanRun.succeeding("--help");

    assertThat(run.out())
        .contains("Exit status:")
        .containsPattern("1 +the input cannot be read")
        .containsPattern("2 +bad command line")
        .containsPattern("3 +invalid: ")
        .containsPattern("4 +conflict: ")
        .containsPattern("5 +missing-source: ");
  }

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
