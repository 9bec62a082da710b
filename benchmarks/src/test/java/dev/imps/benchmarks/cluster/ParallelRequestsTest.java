package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.runtime.WriteRateLimiter;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParallelRequestsTest {

  @Test
  void every_index_is_sent_exactly_once_across_the_threads() throws Exception {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger duplicates = new AtomicInteger();

    ParallelRequests.send(
        "test",
        1000,
        8,
        Optional.empty(),
        i -> {
          if (!seen.add(i)) {
            duplicates.incrementAndGet();
          }
        });

    assertThat(seen).hasSize(1000);
    assertThat(duplicates).hasValue(0);
  }

  @Test
  void the_rate_limiter_paces_the_requests_after_the_burst() throws Exception {
    Duration took =
        ParallelRequests.send(
            "test", 30, 4, Optional.of(WriteRateLimiter.create(100, 10)), i -> {});

    // 10 at once, then 20 more at 100/s: at least 200 ms.
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(190));
  }

  @Test
  void a_throttled_request_is_retried_until_it_succeeds() throws Exception {
    Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();

    ParallelRequests.send(
        "test",
        3,
        2,
        Optional.empty(),
        i -> {
          if (attempts.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet() < 3) {
            throw new ApiException(429, "slow down");
          }
        });

    assertThat(attempts.values()).allMatch(a -> a.get() == 3);
  }

  @Test
  void a_request_the_api_server_refuses_stops_the_loop_and_names_the_request_and_status() {
    assertThatThrownBy(
            () ->
                ParallelRequests.send(
                    "create secret",
                    100,
                    4,
                    Optional.empty(),
                    i -> {
                      if (i == 7) {
                        throw new ApiException(403, "forbidden");
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("create secret #7 failed after 1 attempt(s): HTTP 403");
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(0, true),
        Arguments.of(429, true),
        Arguments.of(500, true),
        Arguments.of(503, true),
        Arguments.of(504, true),
        Arguments.of(400, false),
        Arguments.of(404, false),
        Arguments.of(409, false),
        Arguments.of(422, false));
  }

  @ParameterizedTest(name = "HTTP {0} is retried: {1}")
  @MethodSource("statuses")
  void only_throttling_server_errors_and_lost_connections_are_retried(int code, boolean retried) {
    assertThat(ParallelRequests.retryable(code)).isEqualTo(retried);
  }
}
