package dev.imps.controller.it.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Namespaces selected by annotations (IMPS README: sidecar.istio.io/inject). */
class NamespaceAnnotationIT extends OperatorTestBase {

  @Test
  void only_namespaces_whose_annotation_matches_get_the_copy() throws Exception {
    String sources = sourceNamespace("annotations");
    String injected =
        cluster.namespace("injected", Map.of(), Map.of("sidecar.istio.io/inject", "true"));
    String disabled =
        cluster.namespace("disabled", Map.of(), Map.of("sidecar.istio.io/inject", "false"));
    String name = TestCluster.uniqueName("imps-annotations");
    cluster.apply(
        Manifests.imagePullSecret(
            name,
            sources,
            SOURCE,
            """
                secret:
                  name: istio-pull-secret
                namespaces:
                  annotations:
                    - matchAnnotations:
                        sidecar.istio.io/inject: "true"
            """));

    soon("copy in the annotated namespace")
        .untilAsserted(() -> assertThat(cluster.secret(injected, "istio-pull-secret")).isPresent());
    assertThat(cluster.secret(disabled, "istio-pull-secret")).isEmpty();

    cluster.annotateNamespace(disabled, Map.of("sidecar.istio.io/inject", "true"));
    soon("copy once the annotation matches")
        .untilAsserted(() -> assertThat(cluster.secret(disabled, "istio-pull-secret")).isPresent());
  }
}
