package dev.imps.controller.it.deselect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.controller.it.support.OperatorTestBase;
import org.junit.jupiter.api.Test;

/** A namespace dropped from the spec loses its copy; the others keep theirs. */
class DeselectIT extends OperatorTestBase {

  @Test
  void a_namespace_removed_from_the_names_loses_its_copy() throws Exception {
    String sources = sourceNamespace("deselect");
    String kept = cluster.namespace("kept");
    String dropped = cluster.namespace("dropped");
    String name = createImagePullSecret("imps-deselect", sources, "pull-secret", kept, dropped);
    soon("copies in both namespaces")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(kept, "pull-secret")).isPresent();
              assertThat(cluster.secret(dropped, "pull-secret")).isPresent();
            });
    String keptUid = cluster.secret(kept, "pull-secret").orElseThrow().getMetadata().getUid();

    applyImagePullSecret(name, sources, "pull-secret", kept);

    soon("copy removed from the dropped namespace")
        .untilAsserted(() -> assertThat(cluster.secret(dropped, "pull-secret")).isEmpty());
    assertThat(cluster.secret(kept, "pull-secret").orElseThrow().getMetadata().getUid())
        .isEqualTo(keptUid);
    soon("status lists only the kept namespace")
        .untilAsserted(
            () -> {
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              assertThat(cr.getStatus()).as("status of %s", name).isNotNull();
              assertThat(cr.getStatus().getManagedNamespaces()).containsExactly(kept);
            });
  }
}
