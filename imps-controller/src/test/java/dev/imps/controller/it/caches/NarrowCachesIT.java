package dev.imps.controller.it.caches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretList;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.runtime.ImpsOperator.CacheStats;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Secret;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator caches only the secrets it needs: copies (owner label), sources and target-name
 * namesakes; never the other secrets of the cluster. Pods are cached, as metadata.
 */
class NarrowCachesIT extends OperatorTestBase {

  @Test
  void unrelated_secrets_are_never_cached() throws Exception {
    String sources = sourceNamespace("caches");
    String target = cluster.namespace("caches-target");
    for (int i = 0; i < 10; i++) {
      cluster.putSecret(
          target, "unrelated-" + i, "Opaque", Map.of("password", "hunter" + i), Map.of());
    }
    cluster.pod(target, "app", Map.of("app", "x"), Map.of());
    String name = createImagePullSecret("imps-caches", sources, "pull-secret", target);
    soon("the copy")
        .untilAsserted(() -> assertThat(cluster.secret(target, "pull-secret")).isPresent());

    CoreV1Api core = new CoreV1Api(cluster.admin());
    soon("caches hold exactly the copies and referenced secrets")
        .untilAsserted(
            () -> {
              List<V1Secret> all = core.listSecretForAllNamespaces().execute().getItems();
              long owned =
                  all.stream()
                      .filter(
                          s ->
                              s.getMetadata().getLabels() != null
                                  && s.getMetadata()
                                      .getLabels()
                                      .containsKey(ApiConstants.OWNER_UID_LABEL))
                      .count();
              long referenced = referencedSecrets(all);
              CacheStats stats = operator.operator().cacheStats();
              assertThat(stats.copies()).isEqualTo(owned);
              assertThat(stats.referencedSecrets()).isEqualTo(referenced);
              assertThat(stats.pods())
                  .isEqualTo(core.listPodForAllNamespaces().execute().getItems().size());
            });
  }

  /**
   * Secrets that are some CR's source, or carry some CR's target name without being imps's own
   * copy, as the admin sees them.
   */
  private static long referencedSecrets(List<V1Secret> all) throws Exception {
    Set<String> sources = new HashSet<>();
    Set<String> targetNames = new HashSet<>();
    for (ImagePullSecret cr : allCrs()) {
      cr.getSpec()
          .getRegistry()
          .getCredentials()
          .forEach(c -> sources.add(c.getNamespace() + "/" + c.getName()));
      targetNames.add(cr.getSpec().getTarget().getSecret().getName());
    }
    long count = 0;
    for (V1Secret secret : all) {
      String key = secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
      if (sources.contains(key)) {
        count++;
      }
      boolean owned =
          secret.getMetadata().getLabels() != null
              && secret.getMetadata().getLabels().containsKey(ApiConstants.OWNER_UID_LABEL);
      if (targetNames.contains(secret.getMetadata().getName()) && !owned) {
        count++;
      }
    }
    return count;
  }

  private static List<ImagePullSecret> allCrs() throws Exception {
    Object raw =
        new CustomObjectsApi(cluster.admin())
            .listClusterCustomObject(ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL)
            .execute();
    return cluster
        .admin()
        .getJSON()
        .<ImagePullSecretList>deserialize(
            cluster.admin().getJSON().serialize(raw), ImagePullSecretList.class)
        .getItems();
  }
}
