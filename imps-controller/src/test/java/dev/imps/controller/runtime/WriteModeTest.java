package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WriteModeTest {

  @Test
  void fixed_is_the_default_and_adaptive_carries_its_ceiling() {
    assertThat(WriteMode.fixed().adaptive()).isFalse();
    assertThat(WriteMode.adaptive(7).adaptive()).isTrue();
    assertThat(WriteMode.adaptive(7).maxInFlight()).isEqualTo(7);
    assertThat(OperatorSettings.defaults("test").writeMode()).isEqualTo(WriteMode.fixed());
  }

  @Test
  void a_ceiling_below_one_is_refused_naming_the_flag() {
    assertThatThrownBy(() -> WriteMode.adaptive(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--max-writes-in-flight must be at least 1, got 0");
  }

  @Test
  void an_unlimited_rate_never_waits() throws InterruptedException {
    WriteRateLimiter limiter = WriteRateLimiter.unlimited();
    long start = System.nanoTime();
    for (int i = 0; i < 100_000; i++) {
      limiter.acquire(i % 2 == 0 ? WriteLane.BULK : WriteLane.URGENT);
    }
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }
}
