package dev.imps.controller.it.bulkheads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.RunningOperator;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.envtest.KubeControlPlane;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On banzaicloud IMPS's original CRD (no CEL, no name patterns, a status schema without imps's
 * additions), objects that can never work (a target name {@code a,b}, a selector operator {@code
 * Foo}, a source name {@code Bad_Name}) get their InvalidSpec status and nothing else: the caches
 * sync, {@code /readyz} answers 200 and the other objects are served, also after a restart. An idle
 * periodic pass writes no status although the API server prunes conditions there.
 *
 * <p>Runs its own control plane, because the run's shared one has imps's CRD under the same name.
 */
class OriginalCrdBulkheadsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String GOOD = "served";
  private static final List<String> INVALID = List.of("comma-name", "bad-operator", "bad-source");

  private static KubeControlPlane kube;
  private static TestCluster cluster;
  private static RunningOperator operator;
  private static String sources;
  private static String target;

  @BeforeAll
  static void originalCrdWithInvalidObjects() throws Exception {
    kube = KubeControlPlane.start();
    kube.installCrd(resource("original-imps-crd.yaml"));
    cluster = new TestCluster(kube);
    sources = cluster.dockerLoginSource("sources", "login").namespace();
    target = cluster.namespace("target");
    cluster.apply(
        Manifests.imagePullSecret(
                GOOD, sources, "login", Manifests.namesTarget("pull-secret", target))
            + "\n---\n"
            + Manifests.imagePullSecret(
                "comma-name", sources, "login", Manifests.namesTarget("a,b", target))
            + "\n---\n"
            + Manifests.imagePullSecret("bad-source", sources, "Bad_Name", namesOnly(target))
            + "\n---\n"
            + Manifests.imagePullSecret(
                "bad-operator",
                sources,
                "login",
                """
                    secret:
                      name: pull-secret-2
                    namespaces:
                      labels:
                        - matchExpressions:
                            - {key: team, operator: Foo, values: [a]}
                """));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  void invalid_objects_block_nothing_and_an_idle_pass_writes_no_status() throws Exception {
    operator = start();
    assertServedAndReady("first start");
    Map<String, String> versions = resourceVersions();

    Awaitility.await("idle periodic passes (every 2 s) write no status")
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(resourceVersions()).isEqualTo(versions));

    operator.close();
    operator = start();
    assertServedAndReady("after a restart");
    String later = cluster.namespace("later");
    cluster.apply(
        Manifests.imagePullSecret(
            GOOD, sources, "login", Manifests.namesTarget("pull-secret", target, later)));
    soon("the restarted operator serves a change")
        .untilAsserted(() -> assertThat(cluster.secret(later, "pull-secret")).isPresent());
  }

  private static RunningOperator start() {
    return RunningOperator.start(
            kube.adminClient(),
            settings ->
                settings
                    .withPeriodicInterval(Duration.ofSeconds(2))
                    .withMetricsAddress(new InetSocketAddress("127.0.0.1", 0)),
            null)
        .awaitReconciling();
  }

  private static void assertServedAndReady(String when) throws Exception {
    InetSocketAddress address = operator.operator().metricsAddress().orElseThrow();
    HttpResponse<String> ready =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/readyz"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).as("/readyz " + when).isEqualTo(200);
    soon("the valid object is served " + when)
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(target, "pull-secret")).isPresent();
              assertThat(status(GOOD).getStatus()).isEqualTo(ReconciliationStatus.READY);
            });
    soon("every invalid object has its InvalidSpec status " + when)
        .untilAsserted(
            () -> {
              for (String name : INVALID) {
                assertThat(status(name).getStatus())
                    .as(name)
                    .isEqualTo(ReconciliationStatus.FAILED);
                assertThat(status(name).getReason()).as(name).contains("spec.");
              }
            });
    assertThat(cluster.secret(target, "pull-secret-2")).isEmpty();
  }

  private static dev.imps.api.model.ImagePullSecretStatus status(String name) throws Exception {
    ImagePullSecret cr = cluster.imagePullSecret(name).orElseThrow();
    assertThat(cr.getStatus()).as("status of " + name).isNotNull();
    return cr.getStatus();
  }

  private static Map<String, String> resourceVersions() throws Exception {
    Map<String, String> versions = new HashMap<>();
    for (String name : List.of(GOOD, "comma-name", "bad-operator", "bad-source")) {
      versions.put(
          name, cluster.imagePullSecret(name).orElseThrow().getMetadata().getResourceVersion());
    }
    return versions;
  }

  private static String namesOnly(String namespace) {
    return Manifests.namesTarget("pull-secret-3", namespace);
  }

  private static ConditionFactory soon(String what) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OriginalCrdBulkheadsIT.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
