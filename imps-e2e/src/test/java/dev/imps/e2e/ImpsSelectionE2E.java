package dev.imps.e2e;

import static dev.imps.e2e.ImagePullSecrets.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.e2e.Pods.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way an ImagePullSecret selects a namespace ends in a pod that pulls its private image with
 * the secret imps copied there; and a namespace it does not select, or a source with a wrong
 * password, ends in ErrImagePull.
 */
@ExtendWith(TestNodeExtension.class)
class ImpsSelectionE2E {

  /** One way of selecting: what the namespace and pod carry, and the target clause. */
  record Selection(
      Map<String, String> namespaceLabels,
      Map<String, String> namespaceAnnotations,
      Map<String, String> podLabels,
      String targetYaml) {}

  static Stream<Arguments> selections() {
    return Stream.of(
        Arguments.of(
            "its name",
            (SelectionFactory)
                (ns, token) ->
                    new Selection(
                        Map.of(), Map.of(), Map.of(), "    namespaces: {names: [" + ns + "]}")),
        Arguments.of(
            "a namespace label",
            (SelectionFactory)
                (ns, token) ->
                    new Selection(
                        Map.of("e2e.imps.dev/team", token),
                        Map.of(),
                        Map.of(),
                        "    namespaces: {labels: [{matchLabels: {e2e.imps.dev/team: "
                            + token
                            + "}}]}")),
        Arguments.of(
            "a namespace annotation",
            (SelectionFactory)
                (ns, token) ->
                    new Selection(
                        Map.of(),
                        Map.of("e2e.imps.dev/registry-access", token),
                        Map.of(),
                        "    namespaces: {annotations: [{matchAnnotations: {e2e.imps.dev/registry-access: "
                            + token
                            + "}}]}")),
        Arguments.of(
            "a pod that appears in it (namespacesWithPods)",
            (SelectionFactory)
                (ns, token) ->
                    new Selection(
                        Map.of(),
                        Map.of(),
                        Map.of("e2e.imps.dev/app", token),
                        "    namespacesWithPods: {labels: [{matchLabels: {e2e.imps.dev/app: "
                            + token
                            + "}}]}")));
  }

  /** Builds a selection for a namespace name and a unique token. */
  interface SelectionFactory {
    Selection of(String namespace, String token);
  }

  @ParameterizedTest(name = "a namespace selected by {0} gets the copy and its pod pulls")
  @MethodSource("selections")
  void aSelectedNamespacesPodPullsWithTheCopy(
      String description,
      SelectionFactory factory,
      TestNode node,
      ImpsRelease imps,
      Pods pods,
      RegistrySource source) {
    String target = source.name("team");
    Selection selection = factory.of(target, source.token());
    source.copyTo(source.name("sel"), selection.targetYaml());
    pods.createNamespace(target, selection.namespaceLabels(), selection.namespaceAnnotations());

    pods.create(target, "app", selection.podLabels(), TARGET, null);

    pods.awaitRunning(target, "app");
    assertThat(
            node.kubectl(
                "-n", target, "get", "secret", TARGET, "-o", "jsonpath={.metadata.labels}"))
        .contains("images.banzaicloud.io/owner-uid");
  }

  @ParameterizedTest(name = "{0} ends in ErrImagePull")
  @MethodSource("failures")
  void aPodWithoutUsableCredentialsFailsItsPull(
      String description,
      boolean selected,
      String password,
      TestNode node,
      ImpsRelease imps,
      Pods pods,
      ImagePullSecrets ips) {
    RegistrySource source =
        RegistrySource.create(
            node,
            RegistrySource.newToken(),
            password == null ? node.environment().registryPassword() : password);
    String target = source.name("team");
    source.copyToNamespaces(source.name("fail"), selected ? target : source.name("elsewhere"));
    ips.awaitReady(source.name("fail"));
    pods.createNamespace(target);
    if (selected) {
      // The pull must fail because of the copy's password, not because the copy is not there yet.
      await("the copy in " + target)
          .atMost(Duration.ofMinutes(2))
          .until(() -> ips.secretExists(target, TARGET));
    }

    pods.create(target, "app", TARGET);

    assertThat(pods.awaitOutcome(target, "app")).isEqualTo(Outcome.PULL_FAILED);
    assertThat(pods.pullFailures(target, "app")).containsAnyOf("401", "nauthorized");
    if (!selected) {
      await("no copy in the unselected namespace " + target)
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !ips.secretExists(target, TARGET));
    }
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("a namespace the ImagePullSecret does not select", false, null),
        Arguments.of("a source secret with a wrong password", true, "wrong-password"));
  }
}
