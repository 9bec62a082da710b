package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.metrics.OperatorMetrics;
import io.kubernetes.client.openapi.ApiException;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThrottledWritesTest {

  private final AtomicLong now = new AtomicLong();
  private final List<Long> sleeps = new ArrayList<>();
  private final CollectorRegistry registry = new CollectorRegistry(true);
  private final AdaptiveWriteLimit concurrency = AdaptiveWriteLimit.create(8, now::get);
  private final ThrottledWrites writes =
      new ThrottledWrites(
          WriteRateLimiter.create(1000, 1000, now::get, this::sleep),
          concurrency,
          OperatorMetrics.register(registry),
          this::sleep,
          now::get);

  private void sleep(long nanos) {
    sleeps.add(nanos);
    now.addAndGet(nanos);
  }

  static Stream<Arguments> retryAfterHeaders() {
    return Stream.of(
        Arguments.of(Map.of("Retry-After", List.of("3")), Optional.of(Duration.ofSeconds(3))),
        Arguments.of(Map.of("retry-after", List.of(" 1 ")), Optional.of(Duration.ofSeconds(1))),
        Arguments.of(Map.of("Retry-After", List.of("3600")), Optional.of(Duration.ofSeconds(30))),
        Arguments.of(Map.of("Retry-After", List.of("-1")), Optional.empty()),
        Arguments.of(
            Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")), Optional.empty()),
        Arguments.of(Map.of("Content-Type", List.of("application/json")), Optional.empty()));
  }

  @ParameterizedTest(name = "{0} means wait {1}")
  @MethodSource("retryAfterHeaders")
  void retry_after_is_read_in_seconds_and_capped(
      Map<String, List<String>> headers, Optional<Duration> wait) {
    assertThat(ThrottledWrites.retryAfter(headers)).isEqualTo(wait);
  }

  @Test
  void a_throttled_write_waits_as_told_and_is_sent_again() throws Exception {
    ThrottledUntil write = new ThrottledUntil(3, Map.of("Retry-After", List.of("2")), "created");

    String answer = writes.send("create", "secrets", write);

    assertThat(answer).isEqualTo("created");
    assertThat(write.attempts).hasValue(3);
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(2).toNanos(), Duration.ofSeconds(2).toNanos());
    assertThat(sample("imps_api_writes_total", "create", "secrets")).isEqualTo(3);
    assertThat(sample("imps_api_throttled_total", "create", "secrets")).isEqualTo(2);
  }

  @Test
  void a_throttled_write_is_never_abandoned_and_lowers_the_writes_in_flight() throws Exception {
    ThrottledUntil write = new ThrottledUntil(20, Map.of(), "patched");

    String answer = writes.send("patch", "secrets", write);

    assertThat(answer).isEqualTo("patched");
    assertThat(write.attempts).hasValue(20);
    assertThat(sleeps).hasSize(19).allMatch(n -> n == Duration.ofSeconds(1).toNanos());
    // Halved down to one by the 429s (a second apart), then one more by the fast answer.
    assertThat(concurrency.current()).isEqualTo(2);
    assertThat(concurrency.inFlight()).isZero();
  }

  @Test
  void other_errors_are_not_retried() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                writes.send(
                    "delete",
                    "secrets",
                    () -> {
                      attempts.incrementAndGet();
                      throw new ApiException(500, Map.of(), "{}");
                    }))
        .isInstanceOf(ApiException.class);
    assertThat(attempts).hasValue(1);
    assertThat(sleeps).isEmpty();
    assertThat(concurrency.inFlight()).isZero();
  }

  @Test
  void a_namespace_pass_write_goes_before_the_bulk_writes_already_waiting() throws Exception {
    // Real time: 10 writes per second, 8 bulk threads always waiting for the next token.
    ThrottledWrites shared =
        new ThrottledWrites(
            WriteRateLimiter.create(10, 1),
            AdaptiveWriteLimit.create(10),
            OperatorMetrics.register(new CollectorRegistry(true)));
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 30; i++) {
        String name = "bulk-" + i;
        pool.submit(() -> shared.send("create", "secrets", () -> sent.add(name)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (sent.size() < 3) {
        assertThat(System.nanoTime()).as("bulk writes started").isLessThan(deadline);
        Thread.sleep(5);
      }
      int sentBefore = sent.size();
      AtomicReference<Exception> failed = new AtomicReference<>();

      WriteLane.urgentOnCallingThread()
          .execute(
              () -> {
                try {
                  shared.send("create", "secrets", () -> sent.add("urgent"));
                } catch (Exception e) {
                  failed.set(e);
                }
              });

      assertThat(failed).hasValue(null);
      // Bulk writes that already held a token may go first; the 8 waiting threads may not.
      assertThat(sent.indexOf("urgent")).isLessThanOrEqualTo(sentBefore + 2);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** A write the API server throttles (429 with the given headers) until the given attempt. */
  private static final class ThrottledUntil implements ThrottledWrites.Write<String> {
    private final AtomicInteger attempts = new AtomicInteger();
    private final int answeredAttempt;
    private final Map<String, List<String>> headers;
    private final String answer;

    ThrottledUntil(int answeredAttempt, Map<String, List<String>> headers, String answer) {
      this.answeredAttempt = answeredAttempt;
      this.headers = headers;
      this.answer = answer;
    }

    @Override
    public String send() throws ApiException {
      if (attempts.incrementAndGet() < answeredAttempt) {
        throw new ApiException(429, headers, "{}");
      }
      return answer;
    }
  }

  private double sample(String name, String verb, String resource) {
    Double value =
        registry.getSampleValue(
            name, new String[] {"verb", "resource"}, new String[] {verb, resource});
    return value == null ? 0 : value;
  }
}
