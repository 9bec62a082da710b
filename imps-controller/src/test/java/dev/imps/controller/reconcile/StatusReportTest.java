package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static dev.imps.controller.reconcile.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.api.model.ReconciliationStatus;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusReportTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final OffsetDateTime EARLIER =
      OffsetDateTime.ofInstant(NOW.minusSeconds(60), ZoneOffset.UTC);

  private final FakeCluster cluster = new FakeCluster();
  private final ReconcilePlanner planner =
      new ReconcilePlanner(
          cluster, new PullSecretRenderers(Fixtures.providers(), Clock.fixed(NOW, ZoneOffset.UTC)));

  private ImagePullSecret arranged(ImagePullSecretStatus stored) {
    cluster.withNamespace("a").put(source());
    ImagePullSecret cr = crForNames("imps", "uid-1", T0, "a");
    cr.setStatus(stored);
    cluster.put(cr);
    return cr;
  }

  private static ApplyOutcome placedIn(String... namespaces) {
    return new ApplyOutcome(Set.of(namespaces), List.of(), false, Optional.empty());
  }

  private static ImagePullSecretStatus storedReady() {
    return new ImagePullSecretStatus()
        .status(ReconciliationStatus.READY)
        .lastSuccessfulReconciliation(EARLIER)
        .managedNamespaces(List.of("a"))
        .namespaceCount(1)
        .sourceSecretStatus(new LinkedHashMap<>(Map.of("registry-access.creds", "Ok")))
        .observedGeneration(1L)
        .conditions(
            new ArrayList<>(
                List.of(
                    new V1Condition()
                        .type("Ready")
                        .status("True")
                        .reason("Reconciled")
                        .message("secret pull-secret is in place in 1 namespace(s)")
                        .observedGeneration(1L)
                        .lastTransitionTime(EARLIER))));
  }

  static Stream<Arguments> sourcesThatGiveLessThanTheyPromise() {
    String auth = java.util.Base64.getEncoder().encodeToString(Fixtures.utf8("robot:pw"));
    String emptyEntry =
        "ok; key '.dockerconfigjson': registry 'ghcr.io' has no credentials (no 'auth', 'username'"
            + " and 'password', 'identitytoken' or 'registrytoken'; a credential store entry?) and"
            + " is skipped";
    String noCredentials =
        ", but source 'registry-access/creds' gives no registry credentials; the copy holds no"
            + " registry";
    return Stream.of(
        arguments(
            "{}",
            ApiConstants.REASON_RECONCILED_WITH_WARNINGS,
            "ok; key '.dockerconfigjson' has no 'auths' object, so it gives no credentials (the"
                + " legacy format without 'auths' belongs in a secret of type"
                + " kubernetes.io/dockercfg under key .dockercfg); gives no registry credentials",
            noCredentials),
        arguments(
            "{\"auths\":{\"ghcr.io\":{}}}",
            ApiConstants.REASON_RECONCILED_WITH_WARNINGS,
            emptyEntry + "; gives no registry credentials",
            noCredentials),
        arguments(
            "{\"auths\":{\"ghcr.io\":{},\"quay.io\":{\"auth\":\"" + auth + "\"}}}",
            ApiConstants.REASON_RECONCILED,
            emptyEntry,
            ""));
  }

  @ParameterizedTest(name = "source {0}: Ready with reason {1}")
  @MethodSource("sourcesThatGiveLessThanTheyPromise")
  void aSourceThatGivesNoCredentialsIsReadyWithAWarningNamingIt(
      String json, String reason, String sourceStatus, String messageTail) {
    cluster
        .withNamespace("a")
        .put(
            SecretSnapshot.builder(Fixtures.SOURCE_NAMESPACE, Fixtures.SOURCE_NAME)
                .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
                .data(Map.of(ReconcileConstants.DOCKER_CONFIG_JSON_KEY, Fixtures.utf8(json)))
                .build());
    ImagePullSecret cr = crForNames("imps", "uid-1", T0, "a");
    cr.setStatus(storedReady());
    cluster.put(cr);

    StatusReport report = StatusReport.of(cr, planner.plan(cr), placedIn("a"), NOW);

    boolean warned = reason.equals(ApiConstants.REASON_RECONCILED_WITH_WARNINGS);
    ImagePullSecretStatus status = report.status();
    assertThat(report.ready()).isTrue();
    assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.READY);
    assertThat(status.getSourceSecretStatus())
        .containsExactly(Map.entry("registry-access.creds", sourceStatus));
    V1Condition ready = status.getConditions().get(0);
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo(reason);
    assertThat(ready.getMessage())
        .isEqualTo("secret pull-secret is in place in 1 namespace(s)" + messageTail);
    if (warned) {
      assertThat(report.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.isWarning()).isTrue();
                assertThat(e.reason()).isEqualTo(reason);
              });
    } else {
      assertThat(report.events()).isEmpty();
    }
  }

  @Test
  void anUnchangedReadyStatusIsNotWrittenAgain() {
    ImagePullSecret cr = arranged(storedReady());

    StatusReport report = StatusReport.of(cr, planner.plan(cr), placedIn("a"), NOW);

    assertThat(report.ready()).isTrue();
    assertThat(report.patch()).isEmpty();
    assertThat(report.events()).isEmpty();
  }

  @Test
  void aStatusWrittenBeforeTheNamespaceCountExistedGetsTheCountOnce() {
    ImagePullSecret cr = arranged(storedReady().namespaceCount(null));

    StatusReport report = StatusReport.of(cr, planner.plan(cr), placedIn("a"), NOW);

    assertThat(report.patch())
        .hasValueSatisfying(p -> assertThat(p.status().getNamespaceCount()).isEqualTo(1));
    assertThat(report.events()).isEmpty();
    cr.setStatus(report.status());
    assertThat(StatusReport.of(cr, planner.plan(cr), placedIn("a"), NOW).patch()).isEmpty();
  }

  @Test
  void theNamespaceCountIsTheNumberOfNamespacesHoldingACopy() {
    ImagePullSecret cr = arranged(null);

    assertThat(StatusReport.of(cr, planner.plan(cr), placedIn(), NOW).status().getNamespaceCount())
        .isZero();
    assertThat(
            StatusReport.of(cr, planner.plan(cr), placedIn("a", "b"), NOW)
                .status()
                .getNamespaceCount())
        .isEqualTo(2);
  }

  @Test
  void aPeriodicPassFindingEverythingInPlaceWritesNothingHowLongAgoTheStampWas() {
    ImagePullSecret cr = arranged(storedReady());

    StatusReport report =
        StatusReport.of(cr, planner.plan(cr), placedIn("a"), NOW.plus(Duration.ofDays(3)));

    assertThat(report.patch()).isEmpty();
    assertThat(report.status().getLastSuccessfulReconciliation()).isEqualTo(EARLIER);
  }

  @Test
  void aFailureAfterReadyKeepsTheLastSuccessAndWarnsOnce() {
    ImagePullSecret cr = arranged(storedReady());
    ApplyOutcome failed =
        new ApplyOutcome(
            Set.of("a"),
            List.of(new WriteFailure("secret a/pull-secret", "patch", "forbidden")),
            false,
            Optional.empty());

    StatusReport report = StatusReport.of(cr, planner.plan(cr), failed, NOW);

    ImagePullSecretStatus status = report.status();
    assertThat(status.getStatus()).isEqualTo(ReconciliationStatus.FAILED);
    assertThat(status.getReason()).isEqualTo("cannot patch secret a/pull-secret: forbidden");
    assertThat(status.getLastSuccessfulReconciliation()).isEqualTo(EARLIER);
    V1Condition ready = status.getConditions().get(0);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(ApiConstants.REASON_SECRET_RECONCILIATION_ERROR);
    assertThat(ready.getLastTransitionTime().toInstant()).isEqualTo(NOW);
    assertThat(report.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.isWarning()).isTrue();
              assertThat(e.reason()).isEqualTo("SecretReconciliationError");
              assertThat(e.objectName()).isEqualTo("imps");
            });

    cr.setStatus(status);
    StatusReport again = StatusReport.of(cr, planner.plan(cr), failed, NOW.plusSeconds(30));
    assertThat(again.patch()).isEmpty();
    assertThat(again.events()).isEmpty();
  }

  @Test
  void readyAgainClearsTheReasonAndRemovedSourcesInThePatch() {
    ImagePullSecretStatus stored = storedReady().status(ReconciliationStatus.FAILED).reason("boom");
    stored.getSourceSecretStatus().put("old-ns.old-source", "missing: secret not found");
    ImagePullSecret cr = arranged(stored);

    StatusReport report = StatusReport.of(cr, planner.plan(cr), placedIn("a"), NOW);

    Map<String, Object> body = map(report.patch().orElseThrow().body().get("status"));
    assertThat(body).containsEntry("status", "Ready").containsEntry("reason", null);
    assertThat(map(body.get("sourceSecretStatus")))
        .containsEntry("registry-access.creds", "Ok")
        .containsEntry("old-ns.old-source", null);
    assertThat(body).containsEntry("lastSuccessfulReconciliation", "2025-01-01T00:00:00Z");
    assertThat(report.events())
        .extracting(EventRecord::reason)
        .containsExactly(ApiConstants.REASON_RECONCILED);
  }

  @Test
  void conditionsOfOtherTypesSurviveAndReadyKeepsItsTransitionTime() {
    ImagePullSecretStatus stored = storedReady();
    V1Condition foreign =
        new V1Condition()
            .type("Audited")
            .status("True")
            .reason("Seen")
            .message("")
            .lastTransitionTime(EARLIER);
    stored.getConditions().add(0, foreign);
    stored.managedNamespaces(List.of());
    ImagePullSecret cr = arranged(stored);

    StatusReport report = StatusReport.of(cr, planner.plan(cr), placedIn("a"), NOW);

    List<V1Condition> conditions = report.status().getConditions();
    assertThat(conditions).extracting(V1Condition::getType).containsExactly("Audited", "Ready");
    assertThat(conditions.get(1).getLastTransitionTime()).isEqualTo(EARLIER);
  }

  @Test
  void aConflictAppearingBesideASourceErrorIsAnnouncedToo() {
    cluster.put(Fixtures.malformedSource());
    ImagePullSecret cr = arranged(storedReady());
    cluster.put(Fixtures.malformedSource());
    cluster.put(SecretSnapshot.builder("a", Fixtures.TARGET).build());

    StatusReport report = StatusReport.of(cr, planner.plan(cr), placedIn(), NOW);

    assertThat(report.reason()).isEqualTo(ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR);
    assertThat(report.events())
        .extracting(EventRecord::reason)
        .containsExactly(
            ApiConstants.REASON_SOURCE_CREDENTIALS_ERROR, ApiConstants.REASON_SECRET_CONFLICT);
  }

  @Test
  void anInvalidSpecKeepsWhatThePassDidNotLookAt() {
    ImagePullSecret cr = arranged(storedReady());
    cr.getSpec().getTarget().getSecret().setName("");

    StatusReport report = StatusReport.of(cr, planner.plan(cr), placedIn(), NOW);

    assertThat(report.reason()).isEqualTo(ApiConstants.REASON_INVALID_SPEC);
    assertThat(report.status().getManagedNamespaces()).containsExactly("a");
    assertThat(report.status().getSourceSecretStatus()).containsKey("registry-access.creds");
    assertThat(report.message()).contains("spec.target.secret.name");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
