package dev.imps.e2e;

import static dev.imps.e2e.ImagePullSecrets.SOURCE;
import static dev.imps.e2e.ImagePullSecrets.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figure of {@code scripts/bench.sh --pod-start}, not part of the E2E suite: a namespace and a
 * pod created together, time until the pod runs, with imps writing the pull secret versus with the
 * secret created beforehand. The difference is what imps costs a user. The pod is created as soon
 * as the ServiceAccount admission accepts it (the namespace's default ServiceAccount exists), as a
 * Deployment's controller would retry. Sequential, 20 pods each (-Dimps.bench.pods), p50/p99.
 */
@ExtendWith(TestNodeExtension.class)
class PodStartBenchmark {

  private static final String LABEL = "bench.imps.dev/pod-start";

  @Test
  void aPodInANewNamespaceRunsWithTheSecretImpsWrites(TestNode node, ImpsRelease imps)
      throws Exception {
    int pods = Integer.getInteger("imps.bench.pods", 20);
    ApiClient client;
    try (Reader reader = Files.newBufferedReader(node.environment().kubeconfig())) {
      client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
    }
    CoreV1Api api = new CoreV1Api(client);
    RegistrySource source =
        RegistrySource.create(node, "bench", node.environment().registryPassword());
    source.copyTo(
        "bench-pod-start", "    namespaces: {labels: [{matchLabels: {" + LABEL + ": \"true\"}}]}");
    byte[] dockerConfig =
        Base64.getDecoder()
            .decode(
                node.kubectl(
                        "-n",
                        source.namespace(),
                        "get",
                        "secret",
                        SOURCE,
                        "-o",
                        "jsonpath={.data.\\.dockerconfigjson}")
                    .strip());

    String image = node.environment().testImage();
    startPod(api, "bench-warmup", true, null, image); // the image's layers are now on the node
    List<Duration> withImps = new ArrayList<>();
    List<Duration> beforehand = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      withImps.add(startPod(api, "bench-imps-" + i, true, null, image));
      beforehand.add(startPod(api, "bench-pre-" + i, false, dockerConfig, image));
    }
    String report =
        """
        pod start, namespace + pod created together -> pod Running (%d pods each, sequential)
        | pull secret | p50 | p99 | max |
        | --- | --- | --- | --- |
        | written by imps | %s | %s | %s |
        | created beforehand | %s | %s | %s |
        """
            .formatted(
                pods,
                ms(percentile(withImps, 50)),
                ms(percentile(withImps, 99)),
                ms(percentile(withImps, 100)),
                ms(percentile(beforehand, 50)),
                ms(percentile(beforehand, 99)),
                ms(percentile(beforehand, 100)));
    Path out = node.workDirectory().resolveSibling("pod-start.md");
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    assertThat(withImps).hasSize(pods);
  }

  private static Duration startPod(
      CoreV1Api api, String namespace, boolean imps, byte[] config, String image)
      throws ApiException, InterruptedException {
    long start = System.nanoTime();
    V1Namespace ns =
        new V1Namespace()
            .metadata(
                new V1ObjectMeta().name(namespace).labels(imps ? Map.of(LABEL, "true") : Map.of()));
    api.createNamespace(ns).execute();
    if (config != null) {
      api.createNamespacedSecret(
              namespace,
              new V1Secret()
                  .metadata(new V1ObjectMeta().name(TARGET))
                  .type("kubernetes.io/dockerconfigjson")
                  .data(Map.of(".dockerconfigjson", config)))
          .execute();
    }
    V1Pod pod =
        new V1Pod()
            .metadata(new V1ObjectMeta().name("app"))
            .spec(
                new V1PodSpec()
                    .terminationGracePeriodSeconds(1L)
                    .imagePullSecrets(List.of(new V1LocalObjectReference().name(TARGET)))
                    .containers(
                        List.of(
                            new V1Container()
                                .name("c")
                                .image(image)
                                .imagePullPolicy("Always")
                                .command(List.of("/bin/sh", "-c", "exec sleep 3600")))));
    // client-java initialises the map to {}, which the API server rejects without a RuntimeClass
    pod.getSpec().setOverhead(null);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      try {
        api.createNamespacedPod(namespace, pod).execute();
        break;
      } catch (ApiException e) {
        // 403 until the namespace's default ServiceAccount exists (ServiceAccount admission)
        if (System.nanoTime() > deadline
            || e.getCode() != 403
            || !e.getResponseBody().contains("serviceaccount")) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
    while (!"Running".equals(phase(api, namespace))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("pod " + namespace + "/app did not run within 3 minutes");
      }
      Thread.sleep(20);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    api.deleteNamespace(namespace).execute();
    return elapsed;
  }

  private static String phase(CoreV1Api api, String namespace) throws ApiException {
    V1Pod pod = api.readNamespacedPodStatus("app", namespace).execute();
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  static Duration percentile(List<Duration> values, int percent) {
    List<Duration> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String ms(Duration d) {
    return d.toMillis() + " ms";
  }
}
