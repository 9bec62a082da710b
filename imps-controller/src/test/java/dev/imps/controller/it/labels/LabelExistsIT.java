package dev.imps.controller.it.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Namespaces selected by a label {@code Exists} expression, as IMPS's istio.io/rev example. */
class LabelExistsIT extends OperatorTestBase {

  @Test
  void a_namespace_gets_the_copy_when_the_label_appears_and_loses_it_when_the_label_goes()
      throws Exception {
    String sources = sourceNamespace("labels");
    String labelled = cluster.namespace("mesh", Map.of("istio.io/rev", "1-20"), Map.of());
    String plain = cluster.namespace("plain");
    String name = TestCluster.uniqueName("imps-label-exists");
    cluster.apply(
        Manifests.imagePullSecret(
            name,
            sources,
            SOURCE,
            """
                secret:
                  name: mesh-pull-secret
                namespaces:
                  labels:
                    - matchExpressions:
                        - key: istio.io/rev
                          operator: Exists
            """));

    soon("copy in the labelled namespace")
        .untilAsserted(() -> assertThat(cluster.secret(labelled, "mesh-pull-secret")).isPresent());
    assertThat(cluster.secret(plain, "mesh-pull-secret")).isEmpty();

    cluster.labelNamespace(plain, Map.of("istio.io/rev", "canary"));
    soon("copy after the label was added")
        .untilAsserted(() -> assertThat(cluster.secret(plain, "mesh-pull-secret")).isPresent());

    Map<String, String> remove = new HashMap<>();
    remove.put("istio.io/rev", null);
    cluster.labelNamespace(plain, remove);
    soon("copy removed after the label was removed, without waiting for a resync")
        .untilAsserted(() -> assertThat(cluster.secret(plain, "mesh-pull-secret")).isEmpty());
    assertThat(cluster.secret(labelled, "mesh-pull-secret")).isPresent();
  }
}
