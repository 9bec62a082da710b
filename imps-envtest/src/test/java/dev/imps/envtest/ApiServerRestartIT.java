package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kube-apiserver goes away and comes back on the same etcd and port: a running client-java informer
 * notices, recovers by itself, and sees what changed after the restart.
 */
@EnableKubeControlPlane
class ApiServerRestartIT {

  private static final Duration DOWN_TIME = Duration.ofSeconds(3);

  @Test
  void a_running_informer_resumes_after_the_api_server_restarts_and_sees_later_changes(
      KubeControlPlane kube) throws Exception {
    String namespace = kube.createNamespace("restart");
    ApiClient admin = kube.adminClient();
    CoreV1Api core = new CoreV1Api(admin);
    core.createNamespacedConfigMap(namespace, configMap("before", "v1")).execute();

    List<String> added = new CopyOnWriteArrayList<>();
    AtomicInteger reflectorFailures = new AtomicInteger();
    SharedInformerFactory factory = new SharedInformerFactory(kube.adminClient());
    SharedIndexInformer<V1ConfigMap> informer =
        factory.sharedIndexInformerFor(
            new GenericKubernetesApi<>(
                V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", admin),
            V1ConfigMap.class,
            0,
            namespace,
            (type, error) -> reflectorFailures.incrementAndGet()); // expected while it is down
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(V1ConfigMap configMap) {
            added.add(configMap.getMetadata().getName());
          }

          @Override
          public void onUpdate(V1ConfigMap before, V1ConfigMap after) {}

          @Override
          public void onDelete(V1ConfigMap configMap, boolean unknownFinalState) {}
        });
    factory.startAllRegisteredInformers();
    try {
      await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
      assertThat(added).containsExactly("before");

      long stop = System.nanoTime();
      kube.stopApiServer();
      long stopped = System.nanoTime();
      assertThatThrownBy(() -> core.readNamespacedConfigMap("before", namespace).execute())
          .isInstanceOf(ApiException.class)
          .hasRootCauseInstanceOf(java.net.ConnectException.class);
      // Stay down longer than the reflector's 1 s pause between watch attempts, so it has met
      // "connection refused" at least once before the API server is back.
      Thread.sleep(DOWN_TIME.toMillis());

      long restart = System.nanoTime();
      kube.startApiServer();
      long started = System.nanoTime();
      core.createNamespacedConfigMap(namespace, configMap("after", "v1")).execute();
      core.replaceNamespacedConfigMap(
              "before",
              namespace,
              core.readNamespacedConfigMap("before", namespace)
                  .execute()
                  .data(Map.of("value", "v2")))
          .execute();

      await()
          .alias("the informer sees changes made after the restart")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(added).containsExactly("before", "after");
                V1ConfigMap cached = informer.getIndexer().getByKey(namespace + "/before");
                assertThat(cached.getData()).containsEntry("value", "v2");
              });
      System.out.printf(
          "kube-apiserver stop %d ms, start %d ms, informer caught up %d ms after the start"
              + " (%d reflector failures while down)%n",
          (stopped - stop) / 1_000_000,
          (started - restart) / 1_000_000,
          (System.nanoTime() - started) / 1_000_000,
          reflectorFailures.get());
    } finally {
      factory.stopAllRegisteredInformers();
    }
  }

  private static V1ConfigMap configMap(String name, String value) {
    return new V1ConfigMap().metadata(new V1ObjectMeta().name(name)).data(Map.of("value", value));
  }
}
