package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static dev.imps.controller.reconcile.Fixtures.reconcilerOn;
import static dev.imps.controller.reconcile.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One namespace's part of a pass: what it writes, and what it tells the runtime. */
class NamespacePassTest {

  private final FakeCluster cluster = new FakeCluster();
  private final Reconciler reconciler = reconcilerOn(cluster).build();

  @Test
  void aNewlySelectedNamespaceGetsItsCopyAndOnlyItsCopyAndTheStatusIsDueForARefresh() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));

    NamespacePassOutcome outcome = reconciler.reconcileNamespace("imps", "a");

    assertThat(outcome).isEqualTo(NamespacePassOutcome.STATUS_STALE);
    assertThat(cluster.takeWrites()).containsExactly("create a/pull-secret");
  }

  @Test
  void aNamespacePassAfterAFullPassWritesNothingAndLeavesTheStatusAlone() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    reconciler.reconcile("imps");
    cluster.takeWrites();

    NamespacePassOutcome outcome = reconciler.reconcileNamespace("imps", "b");

    assertThat(outcome).isEqualTo(NamespacePassOutcome.UNCHANGED);
    assertThat(cluster.takeWrites()).isEmpty();
  }

  @Test
  void aDeselectedNamespaceLosesItsCopyAndTheOthersKeepTheirs() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    reconciler.reconcile("imps");
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    cluster.takeWrites();

    NamespacePassOutcome outcome = reconciler.reconcileNamespace("imps", "b");

    assertThat(outcome).isEqualTo(NamespacePassOutcome.STATUS_STALE);
    assertThat(cluster.takeWrites()).containsExactly("delete b/pull-secret");
    assertThat(cluster.secrets().keySet()).contains(new SecretRef("a", "pull-secret"));
  }

  @Test
  void anObjectThatIsGoneNeedsAFullPass() {
    cluster.withNamespace("a").put(source());

    assertThat(reconciler.reconcileNamespace("missing", "a"))
        .isEqualTo(NamespacePassOutcome.FULL_PASS_NEEDED);
    assertThat(cluster.takeWrites()).isEmpty();
  }

  @Test
  void aFailedWriteNeedsAFullPass() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    cluster.fail(
        "create a/pull-secret", WriteResult.of(WriteResult.Outcome.FAILED, "etcd timeout"));

    assertThat(reconciler.reconcileNamespace("imps", "a"))
        .isEqualTo(NamespacePassOutcome.FULL_PASS_NEEDED);
  }

  @Test
  void aNamespacePassSendsItsWritesThroughItsOwnExecutorAndAFullPassThroughTheWritePool() {
    List<String> used = new ArrayList<>();
    Reconciler lanes =
        reconcilerOn(cluster)
            .writeExecutor(
                task -> {
                  used.add("write pool");
                  task.run();
                })
            .namespaceWriteExecutor(
                task -> {
                  used.add("namespace lane");
                  task.run();
                })
            .build();
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));

    lanes.reconcileNamespace("imps", "a");
    assertThat(used).containsExactly("namespace lane");
    used.clear();
    lanes.reconcile("imps");
    assertThat(used).containsExactly("write pool");
  }
}
