package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  private final OperatorSettings defaults = OperatorSettings.defaults("test");

  @Test
  void a_copy_changes_the_budget_or_the_threads_and_keeps_the_rest() {
    OperatorSettings pressing = defaults.withWriteBudget(200, 100).withThreads(4, 32);

    assertThat(pressing.qps()).isEqualTo(200);
    assertThat(pressing.burst()).isEqualTo(100);
    assertThat(pressing.workers()).isEqualTo(4);
    assertThat(pressing.writeThreads()).isEqualTo(32);
    assertThat(pressing)
        .usingRecursiveComparison()
        .ignoringFields("qps", "burst", "workers", "writeThreads")
        .isEqualTo(defaults);
    assertThat(defaults.writeMode()).isEqualTo(WriteMode.fixed());
  }

  @Test
  void a_copy_is_validated_like_the_flags() {
    assertThatThrownBy(() -> defaults.withWriteBudget(0, 100)).hasMessageContaining("--qps");
    assertThatThrownBy(() -> defaults.withWriteBudget(50, 0)).hasMessageContaining("--burst");
    assertThatThrownBy(() -> defaults.withThreads(0, 8)).hasMessageContaining("--workers");
    assertThatThrownBy(() -> defaults.withThreads(2, 0)).hasMessageContaining("--write-threads");
  }
}
