package dev.imps.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The explanation value returned by rule evaluation. */
class DecisionTest {

  @Test
  void a_match_names_its_clause() {
    Decision decision = Decision.matched("names[2]");

    assertThat(decision.matched()).isTrue();
    assertThat(decision.clause()).isEqualTo("names[2]");
    assertThat(decision.explanation()).isEqualTo("matched by names[2]");
    assertThat(decision).hasToString("matched by names[2]");
  }

  @Test
  void a_match_through_a_pod_names_clause_and_pod() {
    Decision decision = Decision.matchedViaPod("namespacesWithPods.labels[0]", "web-1");

    assertThat(decision.clause()).isEqualTo("namespacesWithPods.labels[0] via pod web-1");
    assertThat(decision)
        .isEqualTo(Decision.matched("namespacesWithPods.labels[0] via pod web-1"))
        .hasSameHashCodeAs(Decision.matched("namespacesWithPods.labels[0] via pod web-1"));
  }

  @Test
  void no_match_has_an_empty_clause() {
    Decision decision = Decision.notMatched();

    assertThat(decision.matched()).isFalse();
    assertThat(decision.clause()).isEmpty();
    assertThat(decision.explanation()).isEqualTo("not matched by any clause");
    assertThat(decision).isNotEqualTo(Decision.matched("names[0]"));
  }

  @Test
  void a_match_needs_a_clause() {
    assertThatThrownBy(() -> Decision.matched(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clause must not be blank");
    assertThatThrownBy(() -> Decision.matched(null)).isInstanceOf(NullPointerException.class);
  }
}
