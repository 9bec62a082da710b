package dev.imps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator as the chart installs it: its pod is Ready under the chart's restricted security
 * context and probes, runs as the chart's ServiceAccount, and holds the leader election Lease.
 */
@ExtendWith(TestNodeExtension.class)
class ImpsInstallE2E {

  static Stream<Arguments> podFields() {
    return Stream.of(
        Arguments.of("Ready", "{.items[0].status.conditions[?(@.type==\"Ready\")].status}", "True"),
        Arguments.of("user", "{.items[0].spec.securityContext.runAsUser}", "65532"),
        Arguments.of(
            "non-root", "{.items[0].spec.containers[0].securityContext.runAsNonRoot}", "true"),
        Arguments.of(
            "read-only root",
            "{.items[0].spec.containers[0].securityContext.readOnlyRootFilesystem}",
            "true"),
        Arguments.of(
            "no privilege escalation",
            "{.items[0].spec.containers[0].securityContext.allowPrivilegeEscalation}",
            "false"),
        Arguments.of(
            "capabilities dropped",
            "{.items[0].spec.containers[0].securityContext.capabilities.drop[0]}",
            "ALL"),
        Arguments.of(
            "seccomp", "{.items[0].spec.securityContext.seccompProfile.type}", "RuntimeDefault"),
        Arguments.of(
            "readiness probe",
            "{.items[0].spec.containers[0].readinessProbe.httpGet.path}",
            "/readyz"),
        Arguments.of(
            "liveness probe",
            "{.items[0].spec.containers[0].livenessProbe.httpGet.path}",
            "/healthz"),
        Arguments.of("ServiceAccount", "{.items[0].spec.serviceAccountName}", "imps"));
  }

  @ParameterizedTest(name = "the operator pod has the chart''s {0}")
  @MethodSource("podFields")
  void theOperatorPodRunsAsTheChartSpecifies(
      String description, String jsonPath, String expected, ImpsRelease imps) {
    assertThat(imps.operatorPods(jsonPath)).isEqualTo(expected);
  }

  @Test
  void theOperatorJvmMapsTheImagesClassArchive(ImpsRelease imps) {
    // A JVM that cannot map the archive (another JRE, a changed classpath) starts without it and
    // says "not mapped" here; -Xshare:auto never fails the start.
    await("the operator's start-up line")
        .atMost(Duration.ofMinutes(1))
        .until(() -> imps.operatorLogHead(20).contains("starting imps controller"));
    assertThat(imps.operatorLogHead(20))
        .contains("class archive /app/cds/imps.jsa)")
        .doesNotContain("not mapped");
  }

  @Test
  void theOperatorPodHoldsTheLeaderElectionLease(ImpsRelease imps) {
    String pod = imps.operatorPods("{.items[0].metadata.name}");
    await("the Lease held by " + pod)
        .atMost(Duration.ofMinutes(1))
        .until(() -> imps.leaseHolders().startsWith(pod));
  }
}
