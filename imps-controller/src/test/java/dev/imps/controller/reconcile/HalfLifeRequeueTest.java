package dev.imps.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HalfLifeRequeueTest {

  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Duration PERIOD = Duration.ofMinutes(5);

  static Stream<Arguments> delays() {
    return Stream.of(
        Arguments.of("nothing expires", null, PERIOD),
        Arguments.of("a 12-hour token: the period is sooner", Duration.ofHours(12), PERIOD),
        Arguments.of(
            "a token with 4 minutes left: half of it",
            Duration.ofMinutes(4),
            Duration.ofMinutes(2)),
        Arguments.of(
            "a token with 6 s left: the minimum", Duration.ofSeconds(6), HalfLifeRequeue.MIN_DELAY),
        Arguments.of(
            "an expired token: the minimum", Duration.ofSeconds(-30), HalfLifeRequeue.MIN_DELAY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delays")
  void the_next_render_is_after_half_the_remaining_life_within_the_bounds(
      String name, Duration left, Duration expected) {
    Optional<Instant> expiry = Optional.ofNullable(left).map(NOW::plus);

    assertThat(HalfLifeRequeue.after(NOW, expiry, PERIOD)).isEqualTo(expected);
  }
}
