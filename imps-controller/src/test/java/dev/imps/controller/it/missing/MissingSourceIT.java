package dev.imps.controller.it.missing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.RunningOperator;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import dev.imps.envtest.metrics.ApiServerRequests;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.prometheus.client.Collector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Missing is not empty, against a real API server: a source that disappears keeps its last good
 * credentials in every copy for the grace period (short here), a delete + re-create of a source
 * writes nothing, and after a restart during the grace period the copies hold the missing source's
 * last good credentials while another source's change is applied.
 */
@EnableKubeControlPlane
class MissingSourceIT {

  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final String FIRST = "first.example.com";
  private static final String SECOND = "second.example.com";

  private static KubeControlPlane kube;
  private static TestCluster cluster;
  private static CoreV1Api core;
  private static RunningOperator operator;

  @BeforeAll
  static void startOperator(KubeControlPlane plane) {
    kube = plane;
    cluster = new TestCluster(plane);
    core = new CoreV1Api(plane.adminClient());
    operator = start();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  private static RunningOperator start() {
    return RunningOperator.start(kube.adminClient(), settings -> settings, null, GRACE)
        .awaitReconciling();
  }

  @Test
  void a_source_replaced_with_force_at_500_namespaces_never_empties_a_copy_and_writes_nothing()
      throws Exception {
    String sources = cluster.namespace("replace-sources");
    cluster.dockerConfigSecret(sources, "login", TestCluster.dockerConfig(FIRST, "u", "p"));
    String selector = TestCluster.uniqueName("replace");
    cluster.labelledNamespaces("replace", 500, "imps-it", selector);
    String name = TestCluster.uniqueName("imps-replace");
    cluster.apply(
        Manifests.imagePullSecret(
            name, sources, "login", Manifests.labelTarget("pull-secret", "imps-it", selector)));
    String uid = cluster.imagePullSecret(name).orElseThrow().getMetadata().getUid();
    await("500 copies with credentials", Duration.ofMinutes(3))
        .untilAsserted(() -> assertThat(copiesWith(uid, FIRST)).isEqualTo(500));
    double before = quietWrites();
    assertThat(before).as("the counter saw the 500 creates").isGreaterThanOrEqualTo(500);
    String sourceUid = cluster.secret(sources, "login").orElseThrow().getMetadata().getUid();
    Map<ApiServerRequests.Key, Double> serverBefore = ApiServerRequests.read(kube.adminClient());

    kube.kubectlWithInput(
        sourceYaml(sources, "login", TestCluster.dockerConfig(FIRST, "u", "p")),
        "replace",
        "--force",
        "-f",
        "-");

    assertThat(cluster.secret(sources, "login").orElseThrow().getMetadata().getUid())
        .isNotEqualTo(sourceUid);
    Awaitility.await("every copy keeps its credentials")
        .during(Duration.ofSeconds(10))
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(copiesWith(uid, FIRST)).isEqualTo(500));
    assertThat(writes()).as("secret and status writes by imps").isEqualTo(before);
    // The API server's own count: kubectl's delete and create of the source, nothing else.
    Map<String, Double> serverWrites = new TreeMap<>();
    ApiServerRequests.delta(
            serverBefore,
            ApiServerRequests.read(kube.adminClient()),
            Set.of("secrets", "imagepullsecrets", "serviceaccounts", "events"))
        .forEach(
            (key, count) -> {
              if (key.isWrite()) {
                serverWrites.put(key.toString(), count);
              }
            });
    assertThat(serverWrites)
        .as("writes counted by the API server (apiserver_request_total)")
        .containsExactlyInAnyOrderEntriesOf(Map.of("DELETE secrets", 1.0, "POST secrets", 1.0));

    cluster.deleteImagePullSecret(name);
  }

  @Test
  void a_deleted_source_stays_in_every_copy_for_the_grace_period_then_is_dropped()
      throws Exception {
    Fixture fixture = twoSources("grace");

    cluster.deleteSecret(fixture.sources, "second");

    Awaitility.await("the deleted source's credentials stay during the grace period")
        .during(GRACE.minusSeconds(8))
        .atMost(GRACE)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(copiesWith(fixture.uid, SECOND)).isEqualTo(3));
    assertThat(
            cluster.status(fixture.name).getSourceSecretStatus().get(fixture.sources + ".second"))
        .contains("secret not found since")
        .contains("kept until");
    await("the source is dropped after the grace period", GRACE.plusSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(copiesWith(fixture.uid, SECOND)).isZero();
              assertThat(copiesWith(fixture.uid, FIRST)).isEqualTo(3);
            });

    cluster.deleteImagePullSecret(fixture.name);
  }

  @Test
  void a_restart_during_the_grace_period_keeps_the_copies_credentials_and_applies_other_changes()
      throws Exception {
    Fixture fixture = twoSources("restart");
    cluster.deleteSecret(fixture.sources, "second");
    Thread.sleep(Duration.ofSeconds(4).toMillis()); // let the debounced pass run before the stop

    operator.close();
    operator = start();
    // After the restart imps has read nothing from "second": the copies hold its last good.
    cluster.dockerConfigSecret(
        fixture.sources, "first", TestCluster.dockerConfig(FIRST, "u", "changed-password"));

    await("the other source's change reaches every copy", Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(copiesWith(fixture.uid, "changed-password")).isEqualTo(3));
    Awaitility.await("the missing source's credentials stay in every copy")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(copiesWith(fixture.uid, SECOND)).isEqualTo(3);
              assertThat(copiesWith(fixture.uid, "changed-password")).isEqualTo(3);
            });
    assertThat(
            cluster.status(fixture.name).getSourceSecretStatus().get(fixture.sources + ".second"))
        .contains("secret not found since")
        .contains("existing copy");
    await("the source is dropped after the restarted grace period", GRACE.plusSeconds(30))
        .untilAsserted(() -> assertThat(copiesWith(fixture.uid, SECOND)).isZero());
    assertThat(copiesWith(fixture.uid, "changed-password")).isEqualTo(3);

    cluster.deleteImagePullSecret(fixture.name);
  }

  private record Fixture(String name, String uid, String sources) {}

  /** An object copying two sources into three namespaces, converged. */
  private static Fixture twoSources(String prefix) throws Exception {
    String sources = cluster.namespace(prefix + "-sources");
    cluster.dockerConfigSecret(sources, "first", TestCluster.dockerConfig(FIRST, "u", "p"));
    cluster.dockerConfigSecret(sources, "second", TestCluster.dockerConfig(SECOND, "u", "p"));
    String a = cluster.namespace(prefix);
    String b = cluster.namespace(prefix);
    String c = cluster.namespace(prefix);
    String name = TestCluster.uniqueName("imps-" + prefix);
    cluster.apply(
        Manifests.imagePullSecret(
            name,
            sources,
            List.of("first", "second"),
            Manifests.namesTarget("pull-secret", a, b, c)));
    String uid = cluster.imagePullSecret(name).orElseThrow().getMetadata().getUid();
    await("three copies with both sources", Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(copiesWith(uid, FIRST)).isEqualTo(3);
              assertThat(copiesWith(uid, SECOND)).isEqualTo(3);
            });
    return new Fixture(name, uid, sources);
  }

  /** How many copies of the object hold credentials for the registry. */
  private static long copiesWith(String uid, String registry) throws Exception {
    List<V1Secret> copies =
        core.listSecretForAllNamespaces()
            .labelSelector(ApiConstants.OWNER_UID_LABEL + "=" + uid)
            .execute()
            .getItems();
    return copies.stream()
        .map(s -> s.getData() == null ? null : s.getData().get(TestCluster.DOCKER_CONFIG_KEY))
        .filter(data -> data != null && new String(data, StandardCharsets.UTF_8).contains(registry))
        .count();
  }

  /** Every write imps sent (secrets, status, events, ...), from its own counter. */
  private static double writes() {
    double sum = 0;
    for (Collector.MetricFamilySamples family :
        Collections.list(operator.registry().metricFamilySamples())) {
      for (Collector.MetricFamilySamples.Sample sample : family.samples) {
        if (sample.name.equals("imps_api_writes_total")) {
          sum += sample.value;
        }
      }
    }
    return sum;
  }

  /** The write count once it has not moved for two seconds (the start-up passes are done). */
  private static double quietWrites() {
    double[] last = {-1};
    Awaitility.await("imps stops writing")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              double now = writes();
              boolean quiet = now == last[0];
              last[0] = now;
              return quiet;
            });
    return last[0];
  }

  private static String sourceYaml(String namespace, String name, String dockerConfig) {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
          namespace: %s
        type: kubernetes.io/dockerconfigjson
        data:
          .dockerconfigjson: %s
        """
        .formatted(
            name,
            namespace,
            Base64.getEncoder().encodeToString(dockerConfig.getBytes(StandardCharsets.UTF_8)));
  }

  private static ConditionFactory await(String what, Duration atMost) {
    return Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(250));
  }
}
