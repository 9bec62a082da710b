package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.TARGET;
import static dev.imps.controller.reconcile.Fixtures.cr;
import static dev.imps.controller.reconcile.Fixtures.namespaces;
import static dev.imps.controller.reconcile.Fixtures.serviceAccounts;
import static dev.imps.controller.reconcile.Fixtures.source;
import static dev.imps.controller.reconcile.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.model.ImagePullSecret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServiceAccountPatchingTest {

  private final FakeCluster cluster = new FakeCluster();
  private final Reconciler reconciler =
      Fixtures.reconcilerOn(cluster)
          .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
          .build();

  private static ImagePullSecret patching(String... namespaceNames) {
    return cr(
        "imps",
        "uid-1",
        T0,
        target(TARGET)
            .namespaces(namespaces(namespaceNames))
            .serviceAccounts(serviceAccounts("default", "builder")));
  }

  private String added(String namespace, String account) {
    return cluster
        .account(namespace, account)
        .orElseThrow()
        .annotations()
        .getOrDefault(ReconcileConstants.ADDED_PULL_SECRETS_ANNOTATION, "");
  }

  @Test
  void theSecretIsAddedToTheNamedServiceAccountsAndRecorded() {
    cluster
        .withNamespace("a")
        .put(source())
        .withServiceAccount("a", "default", "own")
        .withServiceAccount("a", "other");
    cluster.put(patching("a"));

    reconciler.reconcile("imps");

    assertThat(cluster.account("a", "default").orElseThrow().imagePullSecrets())
        .containsExactly("own", TARGET);
    assertThat(added("a", "default")).isEqualTo(TARGET + "=uid-1");
    assertThat(cluster.account("a", "other").orElseThrow().imagePullSecrets()).isEmpty();
    assertThat(cluster.writes()).doesNotContain("patch serviceaccount a/builder");
  }

  @Test
  void aSecondPassPatchesNothing() {
    cluster.withNamespace("a").put(source()).withServiceAccount("a", "default");
    cluster.put(patching("a"));
    reconciler.reconcile("imps");
    cluster.takeWrites();

    reconciler.reconcile("imps");

    assertThat(cluster.writes()).isEmpty();
  }

  @Test
  void aDeselectedNamespaceLosesOnlyTheReferenceImpsAdded() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.withServiceAccount("a", "default", "own").withServiceAccount("b", "default");
    cluster.put(patching("a", "b"));
    reconciler.reconcile("imps");

    cluster.put(patching("b"));
    reconciler.reconcile("imps");

    assertThat(cluster.account("a", "default").orElseThrow().imagePullSecrets())
        .containsExactly("own");
    assertThat(cluster.account("a", "default").orElseThrow().patchedByImps()).isFalse();
    assertThat(cluster.account("b", "default").orElseThrow().imagePullSecrets())
        .containsExactly(TARGET);
  }

  @Test
  void aReferenceAddedByHandIsNeitherClaimedNorRemoved() {
    cluster.withNamespace("a").put(source()).withServiceAccount("a", "default", TARGET);
    cluster.put(patching("a"));
    reconciler.reconcile("imps");
    assertThat(cluster.account("a", "default").orElseThrow().patchedByImps()).isFalse();

    cluster.put(patching());
    reconciler.reconcile("imps");

    assertThat(cluster.account("a", "default").orElseThrow().imagePullSecrets())
        .containsExactly(TARGET);
  }

  @Test
  void droppingServiceAccountsFromTheSpecUndoesThePatch() {
    cluster.withNamespace("a").put(source()).withServiceAccount("a", "default");
    cluster.put(patching("a"));
    reconciler.reconcile("imps");

    cluster.put(cr("imps", "uid-1", T0, target(TARGET).namespaces(namespaces("a"))));
    reconciler.reconcile("imps");

    assertThat(cluster.account("a", "default").orElseThrow().imagePullSecrets()).isEmpty();
    assertThat(cluster.account("a", "default").orElseThrow().patchedByImps()).isFalse();
  }

  @Test
  void aDeletedObjectsReferencesAreSwept() {
    cluster.withNamespace("a").put(source()).withServiceAccount("a", "default", "own");
    cluster.put(patching("a"));
    reconciler.reconcile("imps");

    cluster.removeCr("imps");
    ReconcileResult result = reconciler.reconcile("imps");

    assertThat(result.isSuccess()).isTrue();
    assertThat(cluster.account("a", "default").orElseThrow().imagePullSecrets())
        .containsExactly("own");
    assertThat(cluster.account("a", "default").orElseThrow().patchedByImps()).isFalse();
    assertThat(cluster.secret("a", TARGET)).isEmpty();
  }

  @Test
  void aNamespaceInConflictGetsNoReference() {
    cluster.withNamespace("a").put(source()).withServiceAccount("a", "default");
    cluster.put(SecretSnapshot.builder("a", TARGET).build());
    cluster.put(patching("a"));

    reconciler.reconcile("imps");

    assertThat(cluster.account("a", "default").orElseThrow().imagePullSecrets()).isEmpty();
  }

  @Test
  void twoObjectsSharingANameKeepTheReferenceUntilBothLetGo() {
    cluster.withNamespace("a").put(source()).withServiceAccount("a", "default");
    ServiceAccountSnapshot shared =
        new ServiceAccountSnapshot(
            "a",
            "default",
            "1",
            java.util.List.of(TARGET),
            java.util.Map.of(ReconcileConstants.ADDED_PULL_SECRETS_ANNOTATION, TARGET + "=uid-0"));
    ResolvedSpec spec =
        new ResolvedSpec(
            "imps",
            "uid-1",
            1,
            TARGET,
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.List.of(),
            java.util.List.of("default"),
            dev.imps.selector.NamespaceRule.none());
    FakeCluster view = new FakeCluster();
    view.withNamespace("a");
    ClusterState state =
        new DelegatingState(view) {
          @Override
          public java.util.Optional<ServiceAccountSnapshot> serviceAccount(String ns, String n) {
            return java.util.Optional.of(shared);
          }

          @Override
          public java.util.List<ServiceAccountSnapshot> serviceAccountsPatchedByImps() {
            return java.util.List.of(shared);
          }
        };

    java.util.List<ServiceAccountPatch> patches =
        ServiceAccountPatching.plan(spec, java.util.Set.of("a"), state);

    assertThat(patches)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.added()).isEmpty();
              assertThat(p.removed()).isEmpty();
              assertThat(p.body().toString()).contains(TARGET + "=uid-0," + TARGET + "=uid-1");
            });
  }
}
