package dev.imps.controller.it.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.TestCluster;
import dev.imps.controller.reconcile.SecretRef;
import dev.imps.controller.runtime.Reconcilers;
import dev.imps.controller.runtime.SecretRefresher;
import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import io.kubernetes.client.openapi.models.V1Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code imps refresh}: one target merged from several sources, rewritten only when it differs. */
@EnableKubeControlPlane
class RefresherIT {

  @Test
  void the_target_is_created_from_the_sources_and_follows_them(KubeControlPlane kube)
      throws Exception {
    TestCluster cluster = new TestCluster(kube);
    String sources = cluster.namespace("refresh-sources");
    String targets = cluster.namespace("refresh-target");
    cluster.dockerConfigSecret(
        sources, "docker-hub", TestCluster.dockerConfig("docker.io", "hub-user", "a"));
    cluster.dockerConfigSecret(
        sources, "quay", TestCluster.dockerConfig("quay.io", "quay-user", "b"));
    try (Reconcilers credentials = Reconcilers.create(null, null)) {
      SecretRefresher refresher =
          new SecretRefresher(
              cluster.admin(),
              List.of(
                  SecretRefresher.parseRef("--source-secret", sources + ".docker-hub"),
                  SecretRefresher.parseRef("--source-secret", sources + ".quay")),
              new SecretRef(targets, "merged.pull.secret"),
              credentials.providers(),
              Duration.ofSeconds(300),
              Clock.systemUTC());

      assertThat(refresher.refreshOnce()).isEqualTo(Duration.ofSeconds(300));
      V1Secret created = cluster.secret(targets, "merged.pull.secret").orElseThrow();
      assertThat(created.getType()).isEqualTo(TestCluster.DOCKER_CONFIG_JSON);
      assertThat(cluster.dockerConfigOf(targets, "merged.pull.secret").orElseThrow())
          .contains("docker.io", "hub-user", "quay.io", "quay-user");

      refresher.refreshOnce();
      assertThat(
              cluster
                  .secret(targets, "merged.pull.secret")
                  .orElseThrow()
                  .getMetadata()
                  .getResourceVersion())
          .as("unchanged sources: no write")
          .isEqualTo(created.getMetadata().getResourceVersion());

      cluster.dockerConfigSecret(
          sources, "quay", TestCluster.dockerConfig("quay.io", "rotated-user", "c"));
      cluster.putSecret(
          targets,
          "merged.pull.secret",
          TestCluster.DOCKER_CONFIG_JSON,
          Map.of(TestCluster.DOCKER_CONFIG_KEY, "{\"auths\":{}}", "stray", "x"),
          Map.of());
      refresher.refreshOnce();
      V1Secret updated = cluster.secret(targets, "merged.pull.secret").orElseThrow();
      assertThat(updated.getData()).containsOnlyKeys(TestCluster.DOCKER_CONFIG_KEY);
      assertThat(cluster.dockerConfigOf(targets, "merged.pull.secret").orElseThrow())
          .contains("rotated-user")
          .doesNotContain("quay-user");
    }
  }

  @Test
  void a_missing_source_keeps_the_target_and_retries_soon(KubeControlPlane kube) throws Exception {
    TestCluster cluster = new TestCluster(kube);
    String namespace = cluster.namespace("refresh-missing");
    try (Reconcilers credentials = Reconcilers.create(null, null)) {
      SecretRefresher refresher =
          new SecretRefresher(
              cluster.admin(),
              List.of(new SecretRef(namespace, "absent")),
              new SecretRef(namespace, "target"),
              credentials.providers(),
              Duration.ofSeconds(300),
              Clock.systemUTC());

      assertThat(refresher.refreshOnce()).isEqualTo(SecretRefresher.RETRY_AFTER_FAILURE);
      assertThat(cluster.secret(namespace, "target")).isEmpty();
    }
  }
}
