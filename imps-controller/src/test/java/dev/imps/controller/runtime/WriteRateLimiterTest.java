package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WriteRateLimiterTest {

  /** A clock that only moves when the limiter sleeps. */
  private static final class FakeTime {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<Long> sleeps = new ArrayList<>();

    WriteRateLimiter limiter(double qps, int burst) {
      return WriteRateLimiter.create(
          qps,
          burst,
          now::get,
          nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
          });
    }
  }

  static Stream<Arguments> rates() {
    return Stream.of(
        Arguments.of(50.0, 100, 100, Duration.ofMillis(20)),
        Arguments.of(10.0, 1, 1, Duration.ofMillis(100)),
        Arguments.of(0.5, 3, 3, Duration.ofSeconds(2)));
  }

  @ParameterizedTest(name = "at {0} qps with burst {1}: {2} writes go at once, then one per {3}")
  @MethodSource("rates")
  void a_full_bucket_lets_the_burst_through_then_paces_writes_at_qps(
      double qps, int burst, int immediate, Duration spacing) throws InterruptedException {
    FakeTime time = new FakeTime();
    WriteRateLimiter limiter = time.limiter(qps, burst);

    for (int i = 0; i < immediate; i++) {
      limiter.acquire();
    }
    assertThat(time.sleeps).isEmpty();
    limiter.acquire();
    limiter.acquire();

    assertThat(time.sleeps).hasSize(2);
    assertThat(time.sleeps).allSatisfy(sleep -> assertThat(sleep).isEqualTo(spacing.toNanos()));
  }

  @Test
  void idle_time_refills_the_bucket_but_never_beyond_the_burst() throws InterruptedException {
    FakeTime time = new FakeTime();
    WriteRateLimiter limiter = time.limiter(10, 5);
    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }

    time.now.addAndGet(Duration.ofMinutes(1).toNanos());
    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }
    assertThat(time.sleeps).isEmpty();
    limiter.acquire();
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100).toNanos());
  }

  static Stream<Arguments> lanes() {
    return Stream.of(
        Arguments.of(10.0, 1, 1, Duration.ofMillis(100)),
        Arguments.of(10.0, 1, 50, Duration.ofMillis(100)),
        Arguments.of(50.0, 100, 1000, Duration.ofMillis(20)),
        Arguments.of(0.5, 3, 8, Duration.ofSeconds(2)));
  }

  @ParameterizedTest(
      name = "at {0} qps with burst {1} and {2} bulk writes waiting, an urgent write waits {3}")
  @MethodSource("lanes")
  void an_urgent_write_goes_at_the_next_token_however_many_bulk_writes_wait(
      double qps, int burst, int bulkWaiting, Duration urgentWait) throws InterruptedException {
    FakeTime time = new FakeTime();
    WriteRateLimiter limiter = time.limiter(qps, burst);
    for (int i = 0; i < burst; i++) {
      limiter.acquire(WriteLane.BULK);
    }
    for (int i = 0; i < bulkWaiting; i++) {
      // Each waiting bulk write looks for a free token, takes none and reserves nothing.
      assertThat(limiter.takeIfFree()).isPositive();
    }

    limiter.acquire(WriteLane.URGENT);

    assertThat(time.sleeps).containsExactly(urgentWait.toNanos());
    assertThat(limiter.takeIfFree())
        .as("the bulk writes' next token comes one spacing after the urgent one's")
        .isEqualTo(urgentWait.toNanos());
  }

  @Test
  void bulk_writes_keep_the_same_rate_as_reserved_ones() throws InterruptedException {
    FakeTime time = new FakeTime();
    WriteRateLimiter limiter = time.limiter(10, 5);
    for (int i = 0; i < 25; i++) {
      limiter.acquire(i % 5 == 0 ? WriteLane.URGENT : WriteLane.BULK);
    }

    long waited = time.sleeps.stream().mapToLong(Long::longValue).sum();
    assertThat(Duration.ofNanos(waited)).isEqualTo(Duration.ofSeconds(2));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(0.0, 1, "qps must be a positive number"),
        Arguments.of(-1.0, 1, "qps must be a positive number"),
        Arguments.of(Double.NaN, 1, "qps must be a positive number"),
        Arguments.of(Double.POSITIVE_INFINITY, 1, "qps must be a positive number"),
        Arguments.of(1.0, 0, "burst must be at least 1"));
  }

  @ParameterizedTest(name = "qps {0} and burst {1} are refused: {2}")
  @MethodSource("invalid")
  void nonsensical_rates_are_refused_with_a_message_naming_the_setting(
      double qps, int burst, String message) {
    assertThatThrownBy(() -> WriteRateLimiter.create(qps, burst))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
