package dev.imps.e2e;

import static dev.imps.e2e.ImagePullSecrets.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.e2e.Pods.Outcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What happens to pulls as ImagePullSecrets, ServiceAccounts and namespaces change, with the real
 * garbage collector, namespace controller and ServiceAccount admission of kube-controller-manager
 * and kube-apiserver.
 */
@ExtendWith(TestNodeExtension.class)
class ImpsLifecycleE2E {

  @Test
  void aPodWithoutImagePullSecretsPullsThroughThePatchedDefaultServiceAccount(
      TestNode node, ImpsRelease imps, Pods pods, RegistrySource source) {
    String target = source.name("sa");
    source.copyTo(
        target,
        "    namespaces: {names: [" + target + "]}\n    serviceAccounts: {names: [default]}");
    pods.createNamespace(target);
    await("default ServiceAccount of " + target + " lists " + TARGET)
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                node.kubectl(
                        "-n",
                        target,
                        "get",
                        "serviceaccount",
                        "default",
                        "-o",
                        "jsonpath={.imagePullSecrets[*].name}")
                    .contains(TARGET));

    pods.create(target, "app", null);

    assertThat(
            node.kubectl(
                "-n",
                target,
                "get",
                "pod",
                "app",
                "-o",
                "jsonpath={.spec.imagePullSecrets[*].name}"))
        .as("ServiceAccount admission copied the ServiceAccount's pull secret into the pod")
        .isEqualTo(TARGET);
    pods.awaitRunning(target, "app");
  }

  @Test
  void deletingTheImagePullSecretRemovesItsCopiesAndNoUserSecret(
      TestNode node, ImpsRelease imps, Pods pods, ImagePullSecrets ips, RegistrySource source) {
    String managed = source.name("del");
    String conflicting = source.name("delc");
    pods.createNamespace(managed);
    pods.createNamespace(conflicting);
    // A user's own secrets: one beside the copy, one with the target's name imps must not take
    // over.
    pods.createRegistrySecret(managed, "user-secret", node.environment().registryPassword());
    pods.createRegistrySecret(conflicting, TARGET, node.environment().registryPassword());
    String before = userSecrets(node, managed, conflicting);
    source.copyToNamespaces(managed, managed, conflicting);
    pods.create(managed, "before", TARGET);
    pods.awaitRunning(managed, "before");

    node.kubectl("delete", "imagepullsecret", managed);

    await("the copy in " + managed + " removed")
        .atMost(Duration.ofMinutes(2))
        .until(() -> !ips.secretExists(managed, TARGET));
    pods.create(managed, "after", TARGET);
    assertThat(pods.awaitOutcome(managed, "after")).isEqualTo(Outcome.PULL_FAILED);
    assertThat(userSecrets(node, managed, conflicting)).isEqualTo(before);
    pods.create(conflicting, "user", TARGET);
    pods.awaitRunning(conflicting, "user");
  }

  @Test
  void aDeletedNamespaceIsFinalisedAndComesBackWithACopyWhenRecreated(
      TestNode node, ImpsRelease imps, Pods pods, ImagePullSecrets ips, RegistrySource source) {
    String target = source.name("gone");
    Map<String, String> team = Map.of("e2e.imps.dev/team", source.token());
    source.copyTo(
        target,
        "    namespaces: {labels: [{matchLabels: {e2e.imps.dev/team: " + source.token() + "}}]}");
    pods.createNamespace(target, team, Map.of());
    pods.create(target, "app", TARGET);
    pods.awaitRunning(target, "app");

    node.kubectl("delete", "namespace", target, "--wait=false");

    await("namespace " + target + " finalised by the namespace controller")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                node.kubectl("get", "namespace", target, "--ignore-not-found", "-o", "name")
                    .isBlank());
    ips.awaitReady(target);
    pods.createNamespace(target, team, Map.of());
    pods.create(target, "again", TARGET);
    pods.awaitRunning(target, "again");
  }

  private static String userSecrets(TestNode node, String managed, String conflicting) {
    return node.kubectl(
            "-n",
            managed,
            "get",
            "secret",
            "user-secret",
            "-o",
            "jsonpath={.metadata.resourceVersion} {.data}")
        + node.kubectl(
            "-n",
            conflicting,
            "get",
            "secret",
            TARGET,
            "-o",
            "jsonpath={.metadata.resourceVersion} {.data} {.metadata.labels}");
  }
}
