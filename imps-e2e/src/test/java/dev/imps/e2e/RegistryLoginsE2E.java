package dev.imps.e2e;

import static dev.imps.e2e.ImagePullSecrets.SOURCE;
import static dev.imps.e2e.ImagePullSecrets.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.e2e.Pods.Outcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registry logins as they change ({@link RegistryUsers}) and as registries scope them ({@link
 * RegistryAuthProxy}): a rotated source password reaches new pods while the old one is refused, and
 * two teams with logins scoped to their own repository path both pull through one merged secret.
 */
@ExtendWith(TestNodeExtension.class)
class RegistryLoginsE2E {

  private static RegistryAuthProxy proxy;

  @BeforeAll
  static void startProxy(TestNode node) {
    proxy = RegistryAuthProxy.start(node);
    // The same busybox image under each team's path.
    for (String path : new String[] {"team-a", "team-b"}) {
      node.crane(
          "copy",
          node.environment().testImage(),
          node.environment().registry() + "/" + path + "/app:1");
    }
  }

  @AfterAll
  static void stopProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void aRotatedSourcePasswordReachesNewPodsAndTheRegistryRefusesTheOldOne(
      TestNode node, ImpsRelease imps, Pods pods, ImagePullSecrets ips) {
    RegistryUsers users = new RegistryUsers(node.environment());
    String registry = node.environment().registry();
    String token = RegistrySource.newToken();
    String user = "rotating-" + token;
    users.set(user, "first-" + token);
    String source = "src-" + token;
    String target = "rot-" + token;
    pods.createNamespace(source);
    pods.applyDockerConfigSecret(source, SOURCE, registry, user, "first-" + token);
    ips.applyToNamespaces(target, source, target);
    pods.createNamespace(target);
    pods.create(target, "first", TARGET);
    pods.awaitRunning(target, "first");

    String copyBefore = data(node, target, TARGET);
    users.set(user, "second-" + token);
    pods.applyDockerConfigSecret(source, SOURCE, registry, user, "second-" + token);

    await("the copy in " + target + " changed with its source")
        .atMost(Duration.ofMinutes(2))
        .until(() -> !data(node, target, TARGET).equals(copyBefore));
    pods.create(target, "second", TARGET);
    pods.awaitRunning(target, "second");
    assertThat(users.status(user, "first-" + token)).as("old password").isEqualTo(401);
    assertThat(users.status(user, "second-" + token)).as("new password").isEqualTo(200);
    pods.applyDockerConfigSecret(target, "old-login", registry, user, "first-" + token);
    pods.create(target, "old", "old-login");
    assertThat(pods.awaitOutcome(target, "old")).isEqualTo(Outcome.PULL_FAILED);
    assertThat(pods.pullFailures(target, "old")).containsAnyOf("401", "nauthorized");
  }

  /** The registry keys of a copy's docker config, never its passwords. */
  private static String registryKeys(TestNode node, String namespace) {
    String encoded =
        node.kubectl(
                "-n",
                namespace,
                "get",
                "secret",
                TARGET,
                "-o",
                "jsonpath={.data.\\.dockerconfigjson}")
            .strip();
    String json =
        new String(
            java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
    return com.google.gson.JsonParser.parseString(json)
        .getAsJsonObject()
        .getAsJsonObject("auths")
        .keySet()
        .toString();
  }

  private static String data(TestNode node, String namespace, String secret) {
    return node.kubectl("-n", namespace, "get", "secret", secret, "-o", "jsonpath={.data}");
  }

  /**
   * Two logins scoped to one repository path each on the same registry: the merged copy keeps both
   * path-scoped keys, and the kubelet picks each team's login by the longest matching prefix.
   */
  @Test
  void twoTeamsWithPathScopedLoginsBothPullThroughOneMergedSecret(
      TestNode node, ImpsRelease imps, Pods pods, ImagePullSecrets ips) {
    String token = RegistrySource.newToken();
    proxy.allow("team-a-" + token, "a-" + token, "team-a");
    proxy.allow("team-b-" + token, "b-" + token, "team-b");
    String source = "src-" + token;
    String target = "teams-" + token;
    pods.createNamespace(source);
    pods.applyDockerConfigSecret(
        source, "team-a-login", proxy.address() + "/team-a", "team-a-" + token, "a-" + token);
    pods.applyDockerConfigSecret(
        source, "team-b-login", proxy.address() + "/team-b", "team-b-" + token, "b-" + token);
    String yaml =
        """
        apiVersion: images.banzaicloud.io/v1alpha1
        kind: ImagePullSecret
        metadata: {name: teams-%1$s}
        spec:
          registry:
            credentials: [{name: team-a-login, namespace: %2$s}, {name: team-b-login, namespace: %2$s}]
          target:
            secret: {name: %3$s}
            namespaces: {names: [%4$s]}
        """
            .formatted(token, source, TARGET, target);
    node.kubectlWithInput(yaml, "apply", "-f", "-");
    pods.createNamespace(target);
    await("the merged copy in " + target)
        .atMost(Duration.ofMinutes(2))
        .until(() -> ips.secretExists(target, TARGET));

    pods.create(target, "team-a", Map.of(), TARGET, proxy.address() + "/team-a/app:1");
    pods.create(target, "team-b", Map.of(), TARGET, proxy.address() + "/team-b/app:1");

    String keys = registryKeys(node, target);
    for (String team : new String[] {"team-a", "team-b"}) {
      assertThat(pods.awaitOutcome(target, team))
          .as(
              "%s; registry keys of the merged copy: %s; pull failures: %s",
              team, keys, pods.pullFailures(target, team))
          .isEqualTo(Outcome.RUNNING);
    }
  }
}
