package dev.imps.controller.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IMPS README's examples, applied as written except for names made unique per run: the same
 * YAML an IMPS user has works unchanged. (Namespace names come from the example; the ECR example
 * runs in {@code it.ecr}, the names example in {@code it.names}.)
 */
class ImpsReadmeExamplesIT extends OperatorTestBase {

  /** IMPS README, "Motivation for the Controller": annotated namespaces or pods. */
  @Test
  void the_sidecar_injection_example_selects_annotated_namespaces_and_namespaces_of_annotated_pods()
      throws Exception {
    String sources = sourceNamespace("readme-sidecar");
    String annotated =
        cluster.namespace("mesh", Map.of(), Map.of("sidecar.istio.io/inject", "true"));
    String withPod = cluster.namespace("injected-pod");
    cluster.pod(withPod, "app", Map.of(), Map.of("sidecar.istio.io/inject", "true"));
    String neither = cluster.namespace("plain");
    cluster.pod(neither, "app", Map.of(), Map.of("sidecar.istio.io/inject", "false"));
    String name = TestCluster.uniqueName("imps");

    cluster.apply(
        """
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata:
          name: %s
        spec:
          registry:
            credentials:
              - name: %s
                namespace: %s
          target:
            namespaces:
              annotations:
                - matchAnnotations:
                    sidecar.istio.io/inject: "true"
            namespacesWithPods:
              annotations:
                - matchAnnotations:
                    sidecar.istio.io/inject: "true"
            secret:
              name: istio-pull-secret
        """
            .formatted(name, SOURCE, sources));

    soon("copies where the example says")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(annotated, "istio-pull-secret")).isPresent();
              assertThat(cluster.secret(withPod, "istio-pull-secret")).isPresent();
              ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
              assertThat(cr.getStatus()).as("status of %s", name).isNotNull();
              assertThat(cr.getStatus().getStatus()).isEqualTo(ReconciliationStatus.READY);
            });
    assertThat(cluster.secret(neither, "istio-pull-secret")).isEmpty();
  }

  /** IMPS README, "Rule evaluation logic": every name and selector is an alternative (OR). */
  @Test
  void the_rule_evaluation_example_ors_every_clause() throws Exception {
    String sources = sourceNamespace("readme-rules");
    String byName = cluster.namespace("cert-manager");
    String byRevision = cluster.namespace("rev", Map.of("istio.io/rev", "stable"), Map.of());
    String byAccessAnnotation =
        cluster.namespace(
            "access", Map.of(), Map.of("backyards.banzaicloud.io/image-registry-access", "true"));
    String byPodLabel = cluster.namespace("pod-rev");
    cluster.pod(byPodLabel, "proxy", Map.of("istio.io/rev", "canary"), Map.of());
    String none = cluster.namespace("none", Map.of("istio-injection", "enabled"), Map.of());
    String name = TestCluster.uniqueName("imps");

    cluster.apply(
        """
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata:
          name: %s
        spec:
          registry:
            credentials:
              - name: %s
                namespace: %s
          target:
            namespaces:
              annotations:
                - matchAnnotations:
                    sidecar.istio.io/inject: "true"
                - matchAnnotations:
                    backyards.banzaicloud.io/image-registry-access: "true"
              labels:
                - matchExpressions:
                    - key: istio.io/rev
                      operator: Exists
              names:
                - backyards-registry-access
                - backyards-system
                - %s
            namespacesWithPods:
              annotations:
                - matchAnnotations:
                    sidecar.istio.io/inject: "true"
              labels:
                - matchExpressions:
                    - key: istio.io/rev
                      operator: Exists
            secret:
              name: istio-pull-secret
        """
            .formatted(name, SOURCE, sources, byName));

    List<String> selected = List.of(byName, byRevision, byAccessAnnotation, byPodLabel);
    soon("a copy in every namespace some clause selects")
        .untilAsserted(
            () -> {
              for (String namespace : selected) {
                assertThat(cluster.secret(namespace, "istio-pull-secret"))
                    .as(namespace)
                    .isPresent();
              }
              // Other tests' namespaces may match the example's selectors too: the cluster is
              // shared.
              assertThat(cluster.status(name).getManagedNamespaces())
                  .containsAll(selected)
                  .doesNotContain(none);
            });
    assertThat(cluster.secret(none, "istio-pull-secret")).isEmpty();
  }
}
