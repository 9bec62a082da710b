package dev.imps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.e2e.Pods.Outcome;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The node itself, without imps: its registry requires a login, so a pod pulls its private image
 * with the right pull secret and fails with ErrImagePull without one or with a wrong password. The
 * other end-to-end tests rely on this.
 */
@ExtendWith(TestNodeExtension.class)
class NodePullE2E {

  static Stream<Arguments> pullSecrets() {
    return Stream.of(
        Arguments.of("the right password", true, Outcome.RUNNING),
        Arguments.of("a wrong password", false, Outcome.PULL_FAILED),
        Arguments.of("no pull secret at all", null, Outcome.PULL_FAILED));
  }

  @ParameterizedTest(name = "a pod with {0} ends {2}")
  @MethodSource("pullSecrets")
  void aPodPullsTheRegistrysImageOnlyWithTheRightLogin(
      String description, Boolean rightPassword, Outcome expected, TestNode node) {
    Pods pods = new Pods(node);
    String namespace = "pull-" + UUID.randomUUID().toString().substring(0, 8);
    pods.createNamespace(namespace);
    if (rightPassword != null) {
      String password = rightPassword ? node.environment().registryPassword() : "not-the-password";
      pods.createRegistrySecret(namespace, "regcred", password);
    }
    pods.create(namespace, "p", rightPassword == null ? null : "regcred");

    assertThat(pods.awaitOutcome(namespace, "p")).isEqualTo(expected);
    if (expected == Outcome.PULL_FAILED) {
      assertThat(pods.pullFailures(namespace, "p")).containsAnyOf("401", "nauthorized");
    }
  }
}
