package dev.imps.controller.it.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorTestBase;
import dev.imps.controller.it.support.TestCluster;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.PatchUtils;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Copies are watched: whatever someone else does to one is repaired within seconds, long before the
 * periodic resync (300 s here).
 */
class DriftRepairIT extends OperatorTestBase {

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("data overwritten", "{\"data\":{\".dockerconfigjson\":\"e30=\"}}"),
        Arguments.of("extra key added", "{\"data\":{\"extra\":\"eA==\"}}"),
        Arguments.of("spec label removed", "{\"metadata\":{\"labels\":{\"team\":null}}}"),
        Arguments.of("spec label changed", "{\"metadata\":{\"labels\":{\"team\":\"other\"}}}"),
        Arguments.of(
            "annotation removed", "{\"metadata\":{\"annotations\":{\"example.com/owner\":null}}}"));
  }

  @ParameterizedTest(name = "a copy is repaired after: {0}")
  @MethodSource("edits")
  void a_copy_edited_by_someone_else_is_repaired(String edit, String patch) throws Exception {
    Fixture fixture = fixture();
    V1Secret good = cluster.secret(fixture.namespace(), "pull-secret").orElseThrow();

    PatchUtils.patch(
        V1Secret.class,
        () ->
            new CoreV1Api(cluster.admin())
                .patchNamespacedSecret("pull-secret", fixture.namespace(), new V1Patch(patch))
                .buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        cluster.admin());

    soon("repaired after " + edit)
        .untilAsserted(
            () -> {
              V1Secret now = cluster.secret(fixture.namespace(), "pull-secret").orElseThrow();
              assertThat(now.getData().keySet()).isEqualTo(good.getData().keySet());
              assertThat(now.getData().get(TestCluster.DOCKER_CONFIG_KEY))
                  .isEqualTo(good.getData().get(TestCluster.DOCKER_CONFIG_KEY));
              assertThat(now.getMetadata().getLabels()).isEqualTo(good.getMetadata().getLabels());
              assertThat(now.getMetadata().getAnnotations())
                  .containsEntry("example.com/owner", "platform-team");
            });
  }

  @Test
  void a_copy_deleted_by_someone_else_is_recreated() throws Exception {
    Fixture fixture = fixture();
    String uid =
        cluster.secret(fixture.namespace(), "pull-secret").orElseThrow().getMetadata().getUid();

    cluster.deleteSecret(fixture.namespace(), "pull-secret");

    soon("recreated")
        .untilAsserted(
            () ->
                assertThat(cluster.secret(fixture.namespace(), "pull-secret"))
                    .hasValueSatisfying(
                        secret -> {
                          assertThat(secret.getMetadata().getUid()).isNotEqualTo(uid);
                          assertThat(secret.getMetadata().getLabels())
                              .containsKey(ApiConstants.OWNER_UID_LABEL);
                        }));
  }

  private record Fixture(String namespace, String name) {}

  private static Fixture fixture() throws Exception {
    String sources = sourceNamespace("drift");
    String namespace = cluster.namespace("drift");
    String name = TestCluster.uniqueName("imps-drift");
    cluster.apply(
        Manifests.imagePullSecret(
            name,
            sources,
            SOURCE,
            """
                secret:
                  name: pull-secret
                  labels:
                    team: platform
                  annotations:
                    example.com/owner: platform-team
                namespaces:
                  names: [%s]
            """
                .formatted(namespace)));
    soon("the copy")
        .untilAsserted(() -> assertThat(cluster.secret(namespace, "pull-secret")).isPresent());
    return new Fixture(namespace, name);
  }
}
