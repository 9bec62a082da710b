package dev.imps.deploy;

import static dev.imps.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import dev.imps.testsupport.process.Command;
import dev.imps.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code deploy/manifests/}, for users without Helm: rendered from the chart and not stale,
 * accepted by a real API server, and consistent with the hand-written {@code rbac.yaml}.
 */
@EnableKubeControlPlane
class PlainManifestsIT {

  /** The files scripts/render-manifests.sh writes. */
  static List<String> renderedFiles() {
    return List.of("crd.yaml", "namespace.yaml", "operator.yaml");
  }

  private final RepositoryLayout layout = RepositoryLayout.current();

  /** What the documented {@code kubectl apply --server-side -f deploy/manifests/} printed. */
  private static String applied;

  @BeforeAll
  static void applyTheFolderAsTheReadmeSays(KubeControlPlane kube) {
    // For real, not a dry run: the files must work in kubectl's order (the namespace before the
    // objects in it) on a cluster that has none of them.
    applied =
        kube.kubectl(
            "apply",
            "--server-side",
            "--force-conflicts",
            "--field-manager=imps-deploy-tests",
            "-f",
            RepositoryLayout.current().manifests().toString());
  }

  @Test
  void kubectl_apply_of_the_folder_creates_every_object_in_it() throws IOException {
    int objects = 0;
    for (String file : everyManifestFile().toList()) {
      objects +=
          Manifests.parse(Files.readString(layout.manifests().resolve(file))).objects().size();
    }

    assertThat(applied.lines().filter(line -> line.endsWith(" serverside-applied")))
        .as("kubectl output:\n%s", applied)
        .hasSize(objects);
  }

  @ParameterizedTest(name = "deploy/manifests/{0} is what scripts/render-manifests.sh renders now")
  @MethodSource("renderedFiles")
  void the_rendered_manifests_are_not_stale(String file, @TempDir Path out) throws IOException {
    Helm helm = Helm.locate();
    CommandResult render =
        Command.of(List.of("bash", layout.script("render-manifests.sh").toString(), out.toString()))
            .inDirectory(layout.root())
            .withEnvironment(Map.of(Helm.HELM_VARIABLE, helm.binary().toString()))
            .run();
    assertThat(render.succeeded()).as(render.describe()).isTrue();

    assertThat(Files.readString(layout.manifests().resolve(file)))
        .as("deploy/manifests/%s is stale: run scripts/render-manifests.sh", file)
        .isEqualTo(Files.readString(out.resolve(file)));
  }

  static Stream<String> everyManifestFile() throws IOException {
    try (Stream<Path> files = Files.list(RepositoryLayout.current().manifests())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "deploy/manifests/{0} passes a server-side dry-run apply")
  @MethodSource("everyManifestFile")
  void every_manifest_file_is_accepted_by_the_api_server(String file, KubeControlPlane kube)
      throws IOException {
    String yaml = Files.readString(layout.manifests().resolve(file));

    String applied = ChartDryRunIT.dryRunApply(kube, yaml);

    assertThat(applied.lines().filter(line -> line.endsWith("(server dry run)")))
        .as("kubectl output:\n%s", applied)
        .hasSize(Manifests.parse(yaml).objects().size());
  }

  @SuppressWarnings("unchecked")
  private static List<String> containerArgs(Map<String, Object> deployment) {
    return (List<String>) at(deployment, "spec.template.spec.containers.0.args");
  }

  @Test
  void the_hand_written_rbac_binds_the_service_account_the_deployment_runs_as() throws IOException {
    Manifests operator =
        Manifests.parse(Files.readString(layout.manifests().resolve("operator.yaml")));
    Manifests rbac = Manifests.parse(Files.readString(layout.rbacManifest()));
    Map<String, Object> deployment = operator.single("Deployment");
    Map<String, Object> subject =
        Map.of(
            "kind", "ServiceAccount",
            "name", at(deployment, "spec.template.spec.serviceAccountName"),
            "namespace", at(deployment, "metadata.namespace"));

    List<Map<String, Object>> bindings =
        Stream.concat(
                rbac.ofKind("ClusterRoleBinding").stream(), rbac.ofKind("RoleBinding").stream())
            .toList();
    assertThat(bindings).isNotEmpty();
    for (Map<String, Object> binding : bindings) {
      assertThat(Manifests.listAt(binding, "subjects"))
          .as("subjects of %s %s in rbac.yaml", binding.get("kind"), Manifests.name(binding))
          .containsExactly(subject);
    }
    assertThat(
            Permission.granted(rbac).stream()
                .filter(p -> p.resource().equals("leases"))
                .map(Permission::scope)
                .distinct())
        .as("the Lease may be written only where --config-namespace points")
        .containsExactly(String.valueOf(at(deployment, "metadata.namespace")));
    assertThat(containerArgs(deployment))
        .contains("--config-namespace=" + at(deployment, "metadata.namespace"));
  }
}
