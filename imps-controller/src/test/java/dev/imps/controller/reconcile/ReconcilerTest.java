package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.PASSWORD;
import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.TARGET;
import static dev.imps.controller.reconcile.Fixtures.cr;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static dev.imps.controller.reconcile.Fixtures.namespaces;
import static dev.imps.controller.reconcile.Fixtures.podsLabelled;
import static dev.imps.controller.reconcile.Fixtures.source;
import static dev.imps.controller.reconcile.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.api.model.ReconciliationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReconcilerTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private final FakeCluster cluster = new FakeCluster().at(NOW);

  private Reconciler reconciler() {
    return reconciler(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private Reconciler reconciler(Clock clock) {
    return Fixtures.reconcilerOn(cluster).clock(clock).build();
  }

  @Test
  void aPassCreatesACopyInEverySelectedNamespaceAndReportsReady() {
    cluster.withNamespace("a").withNamespace("b").withNamespace("c").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.READY);
    assertThat(result.managedNamespaces()).isEqualTo(2);
    assertThat(result.requeueAfter()).isEqualTo(Reconciler.DEFAULT_PERIODIC_INTERVAL);
    assertThat(cluster.writes())
        .containsExactly("create a/" + TARGET, "create b/" + TARGET, "status imps");
    SecretSnapshot copy = cluster.secret("a", TARGET).orElseThrow();
    assertThat(copy.type()).isEqualTo(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE);
    assertThat(copy.labels()).containsEntry(ApiConstants.OWNER_UID_LABEL, "uid-1");
    assertThat(copy.ownerReferences())
        .containsExactly(
            new OwnerRef(ApiConstants.API_VERSION, ApiConstants.KIND, "imps", "uid-1"));
    assertThat(Fixtures.text(copy.dataValue(".dockerconfigjson").orElseThrow()))
        .contains("registry.example.com");
    ImagePullSecretStatus status = cluster.status("imps");
    assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.READY);
    assertThat(status.getManagedNamespaces()).containsExactly("a", "b");
    assertThat(status.getSourceSecretStatus()).containsEntry("registry-access.creds", "Ok");
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getLastSuccessfulReconciliation().toInstant()).isEqualTo(NOW);
    assertThat(status.getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getReason()).isEqualTo("Reconciled");
            });
    assertThat(cluster.events())
        .extracting(EventRecord::type, EventRecord::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Normal", "Reconciled"));
  }

  @Test
  void aSecondPassOverAnUnchangedClusterWritesNothing() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.takeWrites();
    cluster.takeEvents();

    ReconcileResult second = reconciler.reconcile("imps");

    assertThat(second.outcome()).isEqualTo(ReconcileResult.Outcome.READY);
    assertThat(cluster.writes()).isEmpty();
    assertThat(cluster.events()).isEmpty();
  }

  @Test
  void onTheOriginalCrdWhichPrunesImpsStatusFieldsAnIdlePassWritesNothing() {
    cluster.withOriginalCrdStatusSchema().withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    assertThat(cluster.takeWrites()).containsExactly("create a/" + TARGET, "status imps");
    assertThat(cluster.status("imps").getConditions()).isNull();

    reconciler.reconcile("imps");
    reconciler.reconcile("imps");

    assertThat(cluster.writes()).isEmpty();
    assertThat(cluster.status("imps").getStatus()).isEqualTo(ReconciliationStatus.READY);
  }

  @Test
  void onTheOriginalCrdAStatusThatReallyChangesIsStillWritten() {
    cluster.withOriginalCrdStatusSchema().withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    reconciler.reconcile("imps");
    cluster.takeWrites();
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));

    reconciler.reconcile("imps");

    assertThat(cluster.writes()).containsExactly("create b/" + TARGET, "status imps");
    assertThat(cluster.status("imps").getManagedNamespaces()).containsExactly("a", "b");
  }

  @Test
  void aPeriodicPassLongAfterTheLastChangeWritesNothing() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    reconciler().reconcile("imps");
    cluster.takeWrites();
    Instant stamped = cluster.status("imps").getLastSuccessfulReconciliation().toInstant();

    reconciler(Clock.fixed(NOW.plus(Duration.ofHours(6)), ZoneOffset.UTC)).reconcile("imps");

    assertThat(cluster.writes()).isEmpty();
    assertThat(cluster.status("imps").getLastSuccessfulReconciliation().toInstant())
        .isEqualTo(stamped);
  }

  @Test
  void aDeselectedNamespaceLosesItsCopy() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.takeWrites();

    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    reconciler.reconcile("imps");

    assertThat(cluster.writes()).containsExactly("delete b/" + TARGET, "status imps");
    assertThat(cluster.secret("b", TARGET)).isEmpty();
    assertThat(cluster.status("imps").getManagedNamespaces()).containsExactly("a");
  }

  @Test
  void aRenamedTargetReplacesTheOldCopyInEveryNamespace() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.takeWrites();

    cluster.put(cr("imps", "uid-1", T0, target("renamed").namespaces(namespaces("a"))));
    reconciler.reconcile("imps");

    assertThat(cluster.writes()).contains("delete a/" + TARGET, "create a/renamed");
    assertThat(cluster.secret("a", TARGET)).isEmpty();
    assertThat(cluster.secret("a", "renamed")).isPresent();
  }

  @Test
  void aMatchingPodSelectsItsNamespaceAndItsDeletionDeselectsIt() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(
        cr(
            "imps",
            "uid-1",
            T0,
            target(TARGET).namespacesWithPods(podsLabelled(Map.of("app", "web")))));
    cluster.pod("a", "web-1", Map.of("app", "web")).pod("b", "db-1", Map.of("app", "db"));
    Reconciler reconciler = reconciler();

    reconciler.reconcile("imps");
    assertThat(cluster.secret("a", TARGET)).isPresent();
    assertThat(cluster.secret("b", TARGET)).isEmpty();

    cluster.removePod("a", "web-1");
    reconciler.reconcile("imps");
    assertThat(cluster.secret("a", TARGET)).isEmpty();
  }

  @Test
  void editedOrDeletedCopiesAreRepairedOnTheNextPass() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    SecretSnapshot original = cluster.secret("a", TARGET).orElseThrow();
    cluster.put(
        SecretSnapshot.builder("a", TARGET)
            .uid(original.uid())
            .type(original.type())
            .labels(Map.of(ApiConstants.OWNER_UID_LABEL, "uid-1", "extra", "x"))
            .data(
                Map.of(
                    ".dockerconfigjson", Fixtures.utf8("{\"auths\":{}}"), "junk", new byte[] {1}))
            .ownerReferences(original.ownerReferences())
            .build());
    cluster.removeSecret("b", TARGET);
    cluster.takeWrites();

    reconciler.reconcile("imps");

    assertThat(cluster.writes()).containsExactly("patch a/" + TARGET, "create b/" + TARGET);
    SecretSnapshot repaired = cluster.secret("a", TARGET).orElseThrow();
    assertThat(repaired.labels()).isEqualTo(original.labels());
    assertThat(repaired.data().keySet()).containsExactly(".dockerconfigjson");
    assertThat(repaired.hasData(original.data())).isTrue();
  }

  @Test
  void anUnmanagedSecretWithTheTargetNameIsLeftAloneAndReportedAsAConflict() {
    SecretSnapshot theirs =
        SecretSnapshot.builder("a", TARGET)
            .type("Opaque")
            .data(Map.of("k", new byte[] {7}))
            .build();
    cluster.withNamespace("a").withNamespace("b").put(source()).put(theirs);
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    SecretSnapshot before = cluster.secret("a", TARGET).orElseThrow();

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(cluster.secret("a", TARGET)).contains(before);
    assertThat(cluster.writes()).containsExactly("create b/" + TARGET, "status imps");
    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.FAILED);
    assertThat(result.reason()).isEqualTo(ApiConstants.REASON_SECRET_CONFLICT);
    assertThat(result.retriesWithBackoff()).isFalse();
    ImagePullSecretStatus status = cluster.status("imps");
    assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.FAILED);
    assertThat(status.getConflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getNamespace()).isEqualTo("a");
              assertThat(c.getReason()).contains("not managed by imps").contains("adopt-by=imps");
            });
    assertThat(status.getConditions().get(0).getReason()).isEqualTo("SecretConflict");
    assertThat(cluster.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.isWarning()).isTrue();
              assertThat(e.reason()).isEqualTo("SecretConflict");
            });
  }

  @Test
  void aSecretAnnotatedForAdoptionIsTakenOver() {
    cluster.withNamespace("a").put(source());
    cluster.put(
        SecretSnapshot.builder("a", TARGET)
            .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
            .annotations(Map.of(ReconcileConstants.ADOPT_ANNOTATION, "imps"))
            .data(Map.of(".dockerconfigjson", Fixtures.utf8("{\"auths\":{}}")))
            .build());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.READY);
    SecretSnapshot adopted = cluster.secret("a", TARGET).orElseThrow();
    assertThat(adopted.ownerUid()).contains("uid-1");
    assertThat(adopted.annotations()).doesNotContainKey(ReconcileConstants.ADOPT_ANNOTATION);
  }

  @Test
  void twoObjectsWantingOneSecretNameLetTheOlderWinWithoutFlapping() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("young", "uid-young", T0.plusSeconds(60), "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("young");
    cluster.put(crForNames("old", "uid-old", T0, "a"));

    for (int round = 0; round < 3; round++) {
      reconciler.reconcile("old");
      reconciler.reconcile("young");
    }
    cluster.takeWrites();
    reconciler.reconcile("old");
    reconciler.reconcile("young");

    assertThat(cluster.secret("a", TARGET).orElseThrow().ownerUid()).contains("uid-old");
    assertThat(cluster.writes()).isEmpty();
    assertThat(cluster.status("old").getStatus()).isEqualTo(ReconciliationStatus.READY);
    assertThat(cluster.status("young").getStatus()).isEqualTo(ReconciliationStatus.FAILED);
    assertThat(cluster.status("young").getConflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.getReason()).contains("ImagePullSecret old"));
  }

  @Test
  void aTerminatingNamespaceIsSkippedWithoutErrorOrRetry() {
    cluster.withNamespace("a").terminatingNamespace("gone").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "gone"));

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.READY);
    assertThat(result.retriesWithBackoff()).isFalse();
    assertThat(cluster.writes()).containsExactly("create a/" + TARGET, "status imps");
    assertThat(cluster.status("imps").getManagedNamespaces()).containsExactly("a");
  }

  @Test
  void aCopyInANamespaceThatStartsTerminatingIsLeftToTheNamespaceDeletion() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.takeWrites();

    cluster.terminatingNamespace("a");
    ReconcileResult result = reconciler.reconcile("imps");

    assertThat(cluster.writes()).containsExactly("status imps");
    assertThat(cluster.secret("a", TARGET)).isPresent();
    assertThat(result.retriesWithBackoff()).isFalse();
  }

  @Test
  void aMalformedSourceAfterARestartKeepsTheCredentialsOfTheExistingCopiesAsItsLastGood() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    reconciler().reconcile("imps");
    SecretSnapshot copy = cluster.secret("a", TARGET).orElseThrow();
    cluster.put(Fixtures.malformedSource());
    cluster.withNamespace("b");
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    cluster.takeWrites();

    // A fresh reconciler has no last good credentials in memory, as after a restart.
    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(cluster.secret("a", TARGET)).contains(copy);
    assertThat(cluster.secret("b", TARGET).orElseThrow().hasData(copy.data())).isTrue();
    assertThat(cluster.writes()).containsExactly("create b/" + TARGET, "status imps");
    assertThat(result.reason()).isEqualTo(ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR);
    ImagePullSecretStatus status = cluster.status("imps");
    assertThat(status.getReason()).contains("registry-access.creds");
    assertThat(status.getSourceSecretStatus().get("registry-access.creds"))
        .startsWith("stale")
        .contains("existing copy");
  }

  @Test
  void aMalformedSourceOfANewObjectFailsTheStatusAndCreatesNoCopy() {
    cluster.withNamespace("a").put(Fixtures.malformedSource());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(cluster.secret("a", TARGET)).isEmpty();
    assertThat(cluster.writes()).containsExactly("status imps");
    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.FAILED);
    assertThat(result.reason()).isEqualTo(ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR);
    assertThat(result.retriesWithBackoff()).isTrue();
    ImagePullSecretStatus status = cluster.status("imps");
    assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.FAILED);
    assertThat(status.getSourceSecretStatus().get("registry-access.creds")).startsWith("failed");
  }

  @Test
  void aSourceThatBreaksAfterWorkingKeepsItsLastGoodEntriesInEveryCopy() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    SecretSnapshot copy = cluster.secret("a", TARGET).orElseThrow();
    cluster.put(Fixtures.malformedSource());
    cluster.withNamespace("b");
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));

    ReconcileResult result = reconciler.reconcile("imps");

    assertThat(cluster.secret("a", TARGET).orElseThrow().hasData(copy.data())).isTrue();
    assertThat(cluster.secret("b", TARGET).orElseThrow().hasData(copy.data())).isTrue();
    assertThat(result.reason()).isEqualTo(ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR);
    assertThat(cluster.status("imps").getSourceSecretStatus().get("registry-access.creds"))
        .startsWith("stale");
  }

  @Test
  void aFailedWriteIsReportedAndNeverOverwrittenByReadyInTheSamePass() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    cluster.fail(
        "create b/" + TARGET, WriteResult.of(WriteResult.Outcome.FAILED, "quota exceeded"));

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.FAILED);
    assertThat(result.reason()).isEqualTo(ApiConstants.REASON_SECRET_RECONCILIATION_ERROR);
    assertThat(result.retriesWithBackoff()).isTrue();
    ImagePullSecretStatus status = cluster.status("imps");
    assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.FAILED);
    assertThat(status.getReason()).isEqualTo("cannot create secret b/pull-secret: quota exceeded");
    assertThat(status.getManagedNamespaces()).containsExactly("a");
    assertThat(status.getLastSuccessfulReconciliation()).isNull();
  }

  static Stream<Arguments> throttledWrites() {
    WriteResult throttled = WriteResult.throttled("too many requests", Duration.ofSeconds(7));
    WriteResult quota = WriteResult.of(WriteResult.Outcome.FAILED, "quota exceeded");
    return Stream.of(
        arguments(
            "one throttled write is retrying",
            Map.of("create a/" + TARGET, throttled),
            ApiConstants.REASON_RETRYING,
            null,
            ApiConstants.CONDITION_UNKNOWN,
            "1 write throttled by the API server, retrying"),
        arguments(
            "two throttled writes are retrying",
            Map.of("create a/" + TARGET, throttled, "create b/" + TARGET, throttled),
            ApiConstants.REASON_RETRYING,
            null,
            ApiConstants.CONDITION_UNKNOWN,
            "2 writes throttled by the API server, retrying"),
        arguments(
            "a throttled write beside a failed one is a failure",
            Map.of("create a/" + TARGET, throttled, "create b/" + TARGET, quota),
            ApiConstants.REASON_SECRET_RECONCILIATION_ERROR,
            ReconciliationStatus.FAILED,
            ApiConstants.CONDITION_FALSE,
            "cannot create secret a/pull-secret: too many requests; cannot create secret"
                + " b/pull-secret: quota exceeded"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("throttledWrites")
  void aThrottledWriteIsRetriedAfterTheServersDelayAndShowsAsRetryingNotFailed(
      String description,
      Map<String, WriteResult> faults,
      String reason,
      ReconciliationStatus expectedStatus,
      String condition,
      String message) {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    faults.forEach(cluster::fail);

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(result.retriesWithBackoff()).isFalse();
    assertThat(result.reason()).isEqualTo(reason);
    ImagePullSecretStatus status = cluster.status("imps");
    assertThat(status.getStatus()).isEqualTo(expectedStatus);
    assertThat(status.getReason()).isEqualTo(message);
    assertThat(status.getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo(condition);
              assertThat(c.getReason()).isEqualTo(reason);
              assertThat(c.getMessage()).isEqualTo(message);
            });
    assertThat(cluster.events())
        .extracting(EventRecord::reason)
        .doesNotContain(ApiConstants.REASON_RETRYING);
  }

  @Test
  void aFailedStatusWriteIsRetriedAndItsEventsWait() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    cluster.fail("status imps", WriteResult.of(WriteResult.Outcome.FAILED, "etcd timeout"));
    Reconciler reconciler = reconciler();

    ReconcileResult failed = reconciler.reconcile("imps");
    cluster.clearFaults();
    ReconcileResult retried = reconciler.reconcile("imps");

    assertThat(failed.retriesWithBackoff()).isTrue();
    assertThat(failed.isSuccess()).isFalse();
    assertThat(retried.outcome()).isEqualTo(ReconcileResult.Outcome.READY);
    assertThat(cluster.events()).extracting(EventRecord::reason).containsExactly("Reconciled");
  }

  @Test
  void aRaceWithTheCacheRetriesWithoutFailingTheStatus() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    cluster.fail(
        "create a/" + TARGET, WriteResult.of(WriteResult.Outcome.ALREADY_EXISTS, "exists"));

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(result.retriesWithBackoff()).isTrue();
    assertThat(cluster.status("imps")).isNull();
  }

  @Test
  void aDeletedObjectsCopiesAreSweptAndItsMemoryForgotten() {
    cluster.withNamespace("a").withNamespace("b").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    cluster.put(
        crForNames("other", "uid-2", T0, "b")
            .spec(
                crForNames("other", "uid-2", T0, "b")
                    .getSpec()
                    .target(target("other-secret").namespaces(namespaces("b")))));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    reconciler.reconcile("other");
    cluster.takeWrites();

    cluster.removeCr("imps");
    ReconcileResult result = reconciler.reconcile("imps");

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.GONE);
    assertThat(result.isSuccess()).isTrue();
    assertThat(cluster.writes())
        .containsExactlyInAnyOrder("delete a/" + TARGET, "delete b/" + TARGET);
    assertThat(cluster.secret("b", "other-secret")).isPresent();
  }

  @Test
  void anObjectBeingDeletedHasItsCopiesRemovedInsteadOfRecreated() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.takeWrites();
    ImagePullSecret deleting = crForNames("imps", "uid-1", T0, "a");
    deleting.getMetadata().deletionTimestamp(java.time.OffsetDateTime.now(ZoneOffset.UTC));
    cluster.put(deleting);

    ReconcileResult result = reconciler.reconcile("imps");

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.GONE);
    assertThat(cluster.writes()).containsExactly("delete a/" + TARGET);
  }

  @Test
  void theSweepLeavesNothingWhenNothingIsOrphaned() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.takeWrites();

    ReconcileResult result = reconciler.sweepOrphans();

    assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.GONE);
    assertThat(cluster.writes()).isEmpty();
  }

  @Test
  void anInvalidSpecIsReportedWithTheFieldAndNothingIsWritten() {
    cluster.withNamespace("a").put(source());
    ImagePullSecret invalid = crForNames("imps", "uid-1", T0, "a");
    invalid.getSpec().getTarget().getSecret().setName("Not_A_Name");
    cluster.put(invalid);

    ReconcileResult result = reconciler().reconcile("imps");

    assertThat(result.reason()).isEqualTo(ApiConstants.REASON_INVALID_SPEC);
    assertThat(result.retriesWithBackoff()).isFalse();
    assertThat(cluster.writes()).containsExactly("status imps");
    assertThat(cluster.status("imps").getReason())
        .contains("imps")
        .contains("spec.target.secret.name");
  }

  @Test
  void writesOnAParallelPoolReachTheSameResult() throws Exception {
    cluster.put(source());
    String[] names = new String[40];
    for (int i = 0; i < names.length; i++) {
      names[i] = "ns-" + i;
      cluster.withNamespace(names[i]);
    }
    cluster.put(crForNames("imps", "uid-1", T0, names));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Reconciler reconciler =
          Fixtures.reconcilerOn(cluster)
              .clock(Clock.fixed(NOW, ZoneOffset.UTC))
              .writeExecutor(pool)
              .build();

      ReconcileResult result = reconciler.reconcile("imps");

      assertThat(result.managedNamespaces()).isEqualTo(40);
      assertThat(cluster.status("imps").getManagedNamespaces()).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noSecretValueReachesStatusEventsOrPlans() {
    cluster.withNamespace("a").put(source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.put(Fixtures.malformedSource());
    reconciler.reconcile("imps");

    String everything =
        cluster.status("imps")
            + " "
            + cluster.events()
            + " "
            + reconciler.plan(cluster.imagePullSecret("imps").orElseThrow())
            + " "
            + cluster.secrets();
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString(
                ("robot:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(everything).doesNotContain(PASSWORD).doesNotContain(auth);
  }

  @Test
  void buildingWithoutTheClusterStateNamesWhatIsMissing() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Reconciler.builder().clusterActions(cluster).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cluster state");
  }
}
