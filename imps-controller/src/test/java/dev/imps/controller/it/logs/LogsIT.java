package dev.imps.controller.it.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.imps.api.model.ReconciliationStatus;
import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorProcessTestBase;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.testsupport.process.LoggedProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's log as a process writes it with {@code --log-json --log-level=debug}: one JSON
 * object per line, naming the CR, and never a credential, even while a source is malformed.
 */
class LogsIT extends OperatorProcessTestBase {

  static final String PASSWORD = "TOP-SECRET-PASSWORD-4711";
  static final String FRAGMENT = "MALFORMED-SECRET-FRAGMENT-0815";

  @Test
  void debug_json_logs_name_the_cr_and_never_carry_secret_data() throws Exception {
    String sources = cluster.namespace("logs-sources");
    cluster.dockerConfigSecret(
        sources, "docker-login", TestCluster.dockerConfig("registry.example.com", "u", PASSWORD));
    String target = cluster.namespace("logs-target");
    String name = TestCluster.uniqueName("imps-logs");
    LoggedProcess operator =
        processes.start("imps-logs", kube.kubeconfigFile(), "--log-json", "--log-level=debug");

    cluster.apply(
        Manifests.imagePullSecret(
            name, sources, "docker-login", Manifests.namesTarget("pull-secret", target)));
    await("the copy")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(cluster.secret(target, "pull-secret")).isPresent());
    cluster.putSecret(
        sources,
        "docker-login",
        TestCluster.DOCKER_CONFIG_JSON,
        Map.of(TestCluster.DOCKER_CONFIG_KEY, "{\"auths\":\"" + FRAGMENT + "\"}"),
        Map.of());
    await("Failed after the source broke")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cluster.status(name).getStatus())
                    .isEqualTo(ReconciliationStatus.FAILED));
    // The failing passes keep logging: no line may hold a secret value at any time.
    await("no secret value in the log while the source is broken")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertNoSecretIn(operator.log()));

    List<String> lines = operator.log().lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(line).as("not JSON: %s", line).startsWith("{");
      JsonObject json = JsonParser.parseString(line).getAsJsonObject();
      assertThat(json.has("ts") && json.has("level") && json.has("msg")).as(line).isTrue();
    }
    assertThat(lines).anySatisfy(line -> assertThat(line).contains(name));
    assertNoSecretIn(String.join("\n", lines));
  }

  private static void assertNoSecretIn(String log) {
    for (String secret :
        List.of(
            PASSWORD,
            FRAGMENT,
            base64("u:" + PASSWORD),
            base64(TestCluster.dockerConfig("registry.example.com", "u", PASSWORD)))) {
      assertThat(log).as("the log holds a secret value").doesNotContain(secret);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
