package dev.imps.controller.it.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.controller.it.support.OperatorProcessTestBase;
import dev.imps.controller.it.support.SourceSecret;
import dev.imps.testsupport.process.LoggedProcess;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two operator processes with leader election: one writes; when it is killed with SIGKILL (no
 * chance to release the Lease), the other takes over within the lease duration and converges.
 */
class LeaderElectionIT extends OperatorProcessTestBase {

  static final int LEASE_SECONDS = 6;
  static final String LEASE = "imps-leader-election";

  /** Short Lease timings, so that a takeover or a lost Lease happens within seconds. */
  static final String[] LEASE_TIMINGS = {
    "--lease-duration=" + LEASE_SECONDS, "--renew-deadline=4", "--retry-period=1"
  };

  @Test
  void after_kill_9_of_the_leader_the_standby_takes_over_within_the_lease_and_converges()
      throws Exception {
    String leaseNamespace = cluster.namespace("imps-config");
    SourceSecret source = cluster.dockerLoginSource("le-sources", "docker-login");
    LoggedProcess first =
        processes.startLeaderElecting(
            "imps-a", kube.kubeconfigFile(), leaseNamespace, LEASE_TIMINGS);
    LoggedProcess second =
        processes.startLeaderElecting(
            "imps-b", kube.kubeconfigFile(), leaseNamespace, LEASE_TIMINGS);
    CoordinationV1Api leases = new CoordinationV1Api(cluster.admin());
    await("a leader")
        .atMost(Duration.ofSeconds(90))
        .until(() -> holder(leases, leaseNamespace).isPresent());
    String leaderIdentity = holder(leases, leaseNamespace).orElseThrow();
    LoggedProcess leader = leaderIdentity.startsWith("imps-a_") ? first : second;
    LoggedProcess standby = leader == first ? second : first;

    String before = cluster.namespace("le-before");
    String name = cluster.createImagePullSecret("imps-le", source, "pull-secret", before);
    await("the leader converges")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(cluster.secret(before, "pull-secret")).isPresent());

    leader.kill();
    long killed = System.nanoTime();
    await("the standby holds the Lease")
        .atMost(Duration.ofSeconds(LEASE_SECONDS + 20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                holder(leases, leaseNamespace)
                    .map(h -> h.startsWith(standby.name() + "_"))
                    .orElse(false));
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
    String after = cluster.namespace("le-after");
    cluster.applyImagePullSecret(name, source, "pull-secret", before, after);
    await("the new leader converges")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(cluster.secret(after, "pull-secret")).isPresent());

    System.out.printf(
        "leader election: standby took over %d ms after kill -9 (lease %d s)%n",
        takeover.toMillis(), LEASE_SECONDS);
    // Takeover happens once the lease has expired, plus at most one retry period and the
    // scheduling slack of a busy machine.
    assertThat(takeover)
        .as(standby.logTail(30))
        .isLessThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS + 5));
    assertThat(standby.isAlive()).isTrue();
  }

  private static Optional<String> holder(CoordinationV1Api leases, String namespace) {
    try {
      V1Lease lease = leases.readNamespacedLease(LEASE, namespace).execute();
      return Optional.ofNullable(lease.getSpec().getHolderIdentity()).filter(h -> !h.isEmpty());
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  @Test
  void a_leader_that_loses_its_lease_exits_non_zero_for_kubernetes_to_restart_it()
      throws Exception {
    String leaseNamespace = cluster.namespace("imps-config");
    LoggedProcess lost =
        processes.startLeaderElecting(
            "imps-lost", kube.kubeconfigFile(), leaseNamespace, LEASE_TIMINGS);
    CoordinationV1Api leases = new CoordinationV1Api(cluster.admin());
    await("it leads")
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                holder(leases, leaseNamespace).map(h -> h.startsWith("imps-lost_")).orElse(false));

    // Another holder with a fresh renew time: the leader cannot renew and must give up.
    await("the process exits after its lease was taken")
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              steal(leases, leaseNamespace);
              return !lost.isAlive();
            });
    assertThat(lost.exitValue()).as(lost.logTail(30)).isEqualTo(3);
  }

  private static void steal(CoordinationV1Api leases, String namespace) throws ApiException {
    V1Lease lease = leases.readNamespacedLease(LEASE, namespace).execute();
    lease.getSpec().holderIdentity("thief").renewTime(OffsetDateTime.now());
    try {
      leases.replaceNamespacedLease(LEASE, namespace, lease).execute();
    } catch (ApiException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      // The leader renewed in between; steal again on the next poll.
    }
  }
}
