package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void an_invalid_spec_is_planned_as_invalid_and_exits_1_naming_where_it_is() throws IOException {
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

    assertThat(run.exitCode()).isEqualTo(PlanCommand.INVALID_INPUT);
    assertThat(PlanJson.plan(run.json(), "pull").get("invalidSpec").getAsString())
        .contains("spec.registry.credentials");
    assertThat(run.err())
        .startsWith("imps plan: " + file + " document 1: ImagePullSecret pull: ")
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
    PlanRun run = PlanRun.of(folder.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("0 ImagePullSecrets").contains("Plan: 0 to create, 0 to update");
  }

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
