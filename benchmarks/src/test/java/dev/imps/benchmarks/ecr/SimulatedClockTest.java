package dev.imps.benchmarks.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  @Test
  void the_clock_starts_at_real_time_and_moves_only_when_advanced() {
    Instant before = Instant.now();
    SimulatedClock clock = SimulatedClock.startingNow();
    Instant start = clock.instant();

    clock.advance(Duration.ofHours(6));
    clock.advance(Duration.ofMinutes(5));

    assertThat(start).isBetween(before, Instant.now());
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMinutes(365));
    assertThat(clock.moved()).isEqualTo(Duration.ofMinutes(365));
  }

  @Test
  void it_is_ahead_of_real_time_by_what_it_moved_less_the_real_time_passed() {
    SimulatedClock clock = SimulatedClock.startingNow();

    clock.advance(Duration.ofHours(12));

    assertThat(clock.aheadOfRealTime())
        .isBetween(Duration.ofHours(12).minusSeconds(5), Duration.ofHours(12));
  }

  @Test
  void it_never_moves_backwards() {
    assertThatThrownBy(() -> SimulatedClock.startingNow().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only moves forward");
  }
}
