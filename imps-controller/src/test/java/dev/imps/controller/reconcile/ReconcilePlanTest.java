package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static dev.imps.controller.reconcile.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReconcilePlanTest {

  private final FakeCluster cluster = new FakeCluster();
  private final ReconcilePlanner planner =
      new ReconcilePlanner(
          cluster,
          new PullSecretRenderers(
              Fixtures.providers(),
              Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC)));

  @Test
  void aPlanDescribesEveryDecisionAndChangeWithoutWriting() {
    cluster.withNamespace("a").withNamespace("b").withNamespace("c").put(source());
    cluster.put(SecretSnapshot.builder("b", Fixtures.TARGET).build());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b"));

    ReconcilePlan plan = planner.plan(cluster.imagePullSecret("imps").orElseThrow());

    assertThat(plan.describe())
        .containsExactly(
            "ImagePullSecret imps (generation 1)",
            "  target secret: pull-secret",
            "  source registry-access/creds: ok",
            "  namespace a: matched by names[0]",
            "  namespace b: matched by names[1]",
            "  namespace c: not matched by any clause",
            "  create a/pull-secret (selected: matched by names[0])",
            "  conflict b/pull-secret (secret exists and is not managed by imps; annotate it"
                + " images.banzaicloud.io/adopt-by=imps to let imps take it over)");
    assertThat(cluster.writes()).isEmpty();
    assertThat(plan.toString()).doesNotContain(Fixtures.PASSWORD);
  }

  @Test
  void anInvalidSpecPlansNothingAndSaysWhy() {
    cluster.withNamespace("a").put(source());
    var cr = crForNames("imps", "uid-1", T0, "a");
    cr.getSpec().getRegistry().setCredentials(java.util.List.of());

    ReconcilePlan plan = planner.plan(cr);

    assertThat(plan.invalidSpec())
        .hasValueSatisfying(m -> assertThat(m).contains("spec.registry.credentials"));
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.describe()).hasSize(2);
  }
}
