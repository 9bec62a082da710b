package dev.imps.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import org.junit.jupiter.api.Test;

class SelectorWorkloadTest {

  private static final SelectorWorkload WORKLOAD = SelectorWorkload.create(SelectorBenchmark.SEED);

  @Test
  void the_issues_workload_is_100_rules_over_10000_namespaces_with_10_labels_each() {
    assertThat(WORKLOAD.rules()).hasSize(100);
    assertThat(WORKLOAD.namespaces()).hasSize(10_000);
    assertThat(WORKLOAD.namespaces()).allMatch(ns -> ns.labels().size() == 10);
    assertThat(WORKLOAD.pairs()).isEqualTo(1_000_000);
  }

  @Test
  void the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    SelectorWorkload again = SelectorWorkload.create(SelectorBenchmark.SEED);
    SelectorWorkload other = SelectorWorkload.create(SelectorBenchmark.SEED + 1);

    assertThat(again.rules()).isEqualTo(WORKLOAD.rules());
    assertThat(again.namespaces()).isEqualTo(WORKLOAD.namespaces());
    assertThat(other.namespaces()).isNotEqualTo(WORKLOAD.namespaces());
  }

  @Test
  void a_pass_counts_the_pairs_the_rules_match_and_only_a_few_percent_match() {
    int expected = 0;
    for (NamespaceRule rule : WORKLOAD.rules()) {
      for (NamespaceView namespace : WORKLOAD.namespaces()) {
        if (rule.evaluate(namespace, null).matched()) {
          expected++;
        }
      }
    }

    int matched = WORKLOAD.evaluateAll();

    assertThat(matched).isEqualTo(expected);
    // Each rule picks out a slice, as real ImagePullSecrets do; none is "everything".
    assertThat(matched).isBetween(1_000, 100_000);
  }

  @Test
  void a_workload_needs_at_least_one_rule_and_one_namespace() {
    assertThatThrownBy(() -> SelectorWorkload.create(1, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
