package dev.imps.controller.it.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.OperatorProcessTestBase;
import dev.imps.controller.it.support.SourceSecret;
import dev.imps.testsupport.process.LoggedProcess;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The API server away for 15 s under an operator with leader election on, with the default Lease
 * timings: the process keeps its Lease and keeps running (no exit 3), reports the outage in one
 * WARN line instead of an ERROR stack trace every retry, serves changes afterwards, and a normal
 * SIGTERM then logs no ERROR at all.
 */
class ApiServerOutageIT extends OperatorProcessTestBase {

  @Test
  void a_15_second_outage_costs_no_restart_and_one_warning_and_sigterm_logs_no_error()
      throws Exception {
    SourceSecret source = cluster.dockerLoginSource("outage-sources", "login");
    String before = cluster.namespace("outage-before");
    String after = cluster.namespace("outage-after");
    String name = cluster.createImagePullSecret("imps-outage", source, "pull-secret", before);
    LoggedProcess operator =
        processes.startLeaderElecting(
            "imps-outage", kube.kubeconfigFile(), cluster.namespace("outage-leases"));
    Awaitility.await("the leader's first copy")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(cluster.secret(before, "pull-secret")).isPresent());

    kube.stopApiServer();
    Thread.sleep(Duration.ofSeconds(15).toMillis()); // the outage itself
    kube.startApiServer();

    cluster.applyImagePullSecret(name, source, "pull-secret", before, after);
    Awaitility.await("the same process serves a change after the outage")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(cluster.secret(after, "pull-secret")).isPresent());
    Awaitility.await("the process keeps running")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(operator::isAlive);
    List<String> lines = operator.log().lines().toList();
    assertThat(lines).noneMatch(line -> line.contains("lost lease"));
    assertThat(
            lines.stream()
                .filter(line -> line.contains(" LeaderElection - ") && line.contains(" WARN ")))
        .as("lease warnings during one outage")
        .hasSize(1);
    assertThat(lines.stream().filter(line -> line.contains(" ERROR ")))
        .as("ERROR lines during the outage")
        .isEmpty();

    operator.close();

    assertThat(operator.exitValue()).isNotEqualTo(3);
    assertThat(operator.log().lines().filter(line -> line.contains(" ERROR ")))
        .as("ERROR lines after SIGTERM")
        .isEmpty();
    assertThat(operator.log().lines().filter(line -> line.contains("InterruptedException")))
        .isEmpty();
    cluster.deleteImagePullSecret(name);
  }
}
