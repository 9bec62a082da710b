package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.TARGET;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static dev.imps.controller.reconcile.Fixtures.dockerSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.NamespacedName;
import dev.imps.credentials.SourceInput;
import dev.imps.testsupport.time.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Missing is not empty: a missing source keeps its last good credentials for a grace period. */
class MissingSourceGraceTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(10);
  private static final SecretRef FIRST = new SecretRef("registry-access", "creds");
  private static final SecretRef SECOND = new SecretRef("registry-access", "second");

  private final MovableClock clock = MovableClock.at(NOW);
  private final FakeCluster cluster = new FakeCluster().at(NOW);

  private Reconciler reconciler() {
    return Fixtures.reconcilerOn(cluster).missingSourceGrace(GRACE).clock(clock).build();
  }

  /** An object copying both sources into namespace a. */
  private static ImagePullSecret twoSources() {
    ImagePullSecret cr = crForNames("imps", "uid-1", T0, "a");
    cr.getSpec()
        .getRegistry()
        .addCredentialsItem(new NamespacedName().namespace(SECOND.namespace()).name(SECOND.name()));
    return cr;
  }

  private void arrangeTwoSources() {
    cluster.withNamespace("a");
    cluster.put(dockerSource(FIRST.namespace(), FIRST.name(), "first.example.com", "robot"));
    cluster.put(dockerSource(SECOND.namespace(), SECOND.name(), "second.example.com", "robot"));
    cluster.put(twoSources());
  }

  /**
   * Copies both sources into namespace a with one pass and forgets that pass's writes.
   *
   * @return the reconciler, holding both sources' last good credentials
   */
  private Reconciler copiedTwoSources() {
    arrangeTwoSources();
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    cluster.takeWrites();
    return reconciler;
  }

  private void deleteSource(SecretRef source) {
    cluster.removeSecret(source.namespace(), source.name());
  }

  /**
   * A pass a second before the grace period ends writes nothing; the pass at its end drops the
   * missing source's entries from the copy with one patch.
   */
  private void assertTheMissingSourceIsDroppedWhenTheGraceEnds(
      Reconciler reconciler, Instant graceEnd) {
    clock.advance(Duration.between(clock.instant(), graceEnd).minusSeconds(1));
    reconciler.reconcile("imps");
    assertThat(secretWrites()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    reconciler.reconcile("imps");
    assertThat(secretWrites()).containsExactly("patch a/" + TARGET);
  }

  private String copyText() {
    return Fixtures.text(
        cluster.secret("a", TARGET).orElseThrow().dataValue(".dockerconfigjson").orElseThrow());
  }

  private static String auth(String user) {
    return java.util.Base64.getEncoder()
        .encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private List<String> secretWrites() {
    return cluster.takeWrites().stream().filter(w -> !w.startsWith("status")).toList();
  }

  @Test
  void aDeletedSourceKeepsItsCredentialsInEveryCopyForTheGracePeriodThenIsDropped() {
    Reconciler reconciler = copiedTwoSources();

    deleteSource(SECOND);
    clock.advance(Duration.ofSeconds(1));
    ReconcileResult inGrace = reconciler.reconcile("imps");

    assertThat(secretWrites()).isEmpty();
    assertThat(copyText()).contains("first.example.com").contains("second.example.com");
    assertThat(cluster.status("imps").getSourceSecretStatus().get("registry-access.second"))
        .contains("secret not found since " + NOW.plusSeconds(1))
        .contains("kept until " + NOW.plusSeconds(1).plus(GRACE));
    assertThat(inGrace.requeueAfter()).isLessThanOrEqualTo(GRACE.plusSeconds(1));

    assertTheMissingSourceIsDroppedWhenTheGraceEnds(reconciler, NOW.plusSeconds(1).plus(GRACE));
    assertThat(copyText()).contains("first.example.com").doesNotContain("second.example.com");
  }

  @Test
  void aSourceReCreatedWithTheSameContentCausesNoSecretWrite() {
    Reconciler reconciler = copiedTwoSources();

    deleteSource(FIRST);
    reconciler.reconcile("imps");
    cluster.put(dockerSource(FIRST.namespace(), FIRST.name(), "first.example.com", "robot"));
    clock.advance(Duration.ofSeconds(1));
    reconciler.reconcile("imps");

    assertThat(secretWrites()).isEmpty();
    assertThat(cluster.status("imps").getSourceSecretStatus())
        .containsEntry("registry-access.creds", "Ok");
  }

  @Test
  void theOnlySourceMissingNeverEmptiesACopyEvenAfterTheGracePeriod() {
    cluster.withNamespace("a").put(Fixtures.source());
    cluster.put(crForNames("imps", "uid-1", T0, "a"));
    Reconciler reconciler = reconciler();
    reconciler.reconcile("imps");
    String before = copyText();
    cluster.takeWrites();

    deleteSource(FIRST);
    reconciler.reconcile("imps");
    clock.advance(GRACE.plusMinutes(1));
    reconciler.reconcile("imps");

    assertThat(secretWrites()).isEmpty();
    assertThat(copyText()).isEqualTo(before).contains("registry.example.com");
  }

  @Test
  void removingASourceFromTheSpecDropsItAtOnce() {
    Reconciler reconciler = copiedTwoSources();

    deleteSource(SECOND);
    reconciler.reconcile("imps");
    ImagePullSecret oneSource = crForNames("imps", "uid-1", T0, "a");
    oneSource.getMetadata().generation(2L);
    cluster.put(oneSource);
    reconciler.reconcile("imps");

    assertThat(secretWrites()).containsExactly("patch a/" + TARGET);
    assertThat(copyText()).doesNotContain("second.example.com");
  }

  @Test
  void aNewObjectWhoseOnlySourceIsMissingCreatesNoCopy() {
    cluster.withNamespace("a").withNamespace("b");
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));
    Reconciler reconciler = reconciler();

    reconciler.reconcile("imps");
    clock.advance(GRACE.plusMinutes(1));
    reconciler.reconcile("imps");

    assertThat(secretWrites()).isEmpty();
    assertThat(cluster.secret("a", TARGET)).isEmpty();
  }

  @Test
  void afterARestartTheCopiesHoldTheMissingSourcesLastGoodAndAnotherSourcesChangeIsApplied() {
    copiedTwoSources();
    deleteSource(SECOND);
    cluster.put(dockerSource(FIRST.namespace(), FIRST.name(), "first.example.com", "new-robot"));

    Reconciler restarted = reconciler();
    ReconcileResult afterRestart = restarted.reconcile("imps");

    assertThat(secretWrites()).containsExactly("patch a/" + TARGET);
    // The other source's new credentials are applied; the missing source's are kept.
    assertThat(copyText())
        .contains("first.example.com\":{\"auth\":\"" + auth("new-robot"))
        .contains("second.example.com\":{\"auth\":\"" + auth("robot"));
    assertThat(afterRestart.retriesWithBackoff()).isFalse();
    assertThat(cluster.status("imps").getSourceSecretStatus().get("registry-access.second"))
        .contains("secret not found since " + NOW)
        .contains("existing copy");

    assertTheMissingSourceIsDroppedWhenTheGraceEnds(restarted, NOW.plus(GRACE));
    assertThat(copyText()).contains(auth("new-robot")).doesNotContain("second.example.com");
  }

  static Stream<Arguments> theSourceInputFollowsTheClock() {
    return Stream.of(
        Arguments.of("a present source is present", true, Duration.ZERO, SourceInput.Kind.PRESENT),
        Arguments.of(
            "a source missing just now is unreadable",
            false,
            Duration.ZERO,
            SourceInput.Kind.UNREADABLE),
        Arguments.of(
            "a source missing for less than the grace is unreadable",
            false,
            GRACE.minusMillis(1),
            SourceInput.Kind.UNREADABLE),
        Arguments.of(
            "a source missing for the whole grace is missing",
            false,
            GRACE,
            SourceInput.Kind.MISSING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void theSourceInputFollowsTheClock(
      String description, boolean present, Duration missingFor, SourceInput.Kind expected) {
    MissingSourceGrace grace = MissingSourceGrace.of(GRACE, clock);
    grace.input("uid-1", FIRST, Optional.empty());
    clock.advance(missingFor);

    Optional<SecretSnapshot> secret =
        present
            ? Optional.of(dockerSource(FIRST.namespace(), FIRST.name(), "r.example", "u"))
            : Optional.empty();

    assertThat(grace.input("uid-1", FIRST, secret).kind()).isEqualTo(expected);
  }

  @Test
  void theDeadlineIsTheEndOfTheFirstGracePeriodAndForgottenSourcesHaveNone() {
    MissingSourceGrace grace = MissingSourceGrace.of(GRACE, clock);
    grace.input("uid-1", FIRST, Optional.empty());
    clock.advance(Duration.ofMinutes(1));
    grace.input("uid-1", SECOND, Optional.empty());

    assertThat(grace.nextDeadline("uid-1")).contains(NOW.plus(GRACE));
    grace.retainSources("uid-1", List.of(SECOND));
    assertThat(grace.nextDeadline("uid-1")).contains(NOW.plus(GRACE).plusSeconds(60));
    grace.retainOnly(java.util.Set.of());
    assertThat(grace.nextDeadline("uid-1")).isEmpty();
  }

  @Test
  void aNegativeGraceIsRefusedNamingTheFlag() {
    assertThatThrownBy(() -> MissingSourceGrace.of(Duration.ofSeconds(-1), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing source grace must not be negative");
  }
}
