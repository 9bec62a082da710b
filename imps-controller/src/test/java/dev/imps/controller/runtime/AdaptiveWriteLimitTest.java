package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.runtime.AdaptiveWriteLimit.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AIMD on writes in flight: 429s halve the limit, fast answers grow it back one by one. */
class AdaptiveWriteLimitTest {

  private static final Duration FAST = Duration.ofMillis(20);
  private static final Duration SLOW = Duration.ofSeconds(2);

  private final AtomicLong now = new AtomicLong();

  private AdaptiveWriteLimit limit(int ceiling) {
    return AdaptiveWriteLimit.create(ceiling, now::get);
  }

  /** Sends one write through the limit with the given answer. */
  private static void write(AdaptiveWriteLimit limit, Answer answer, Duration latency)
      throws InterruptedException {
    limit.acquire();
    limit.release(answer, latency);
  }

  static Stream<Arguments> answersMoveTheLimit() {
    return Stream.of(
        Arguments.of("it starts at the ceiling", 16, new Answer[] {}, FAST, 0L, 16),
        Arguments.of("a 429 halves it", 16, new Answer[] {Answer.THROTTLED}, FAST, 1000L, 8),
        Arguments.of(
            "a burst of 429s within the window halves it once",
            16,
            new Answer[] {Answer.THROTTLED, Answer.THROTTLED, Answer.THROTTLED},
            FAST,
            0L,
            8),
        Arguments.of(
            "429s in separate windows halve it each time",
            16,
            new Answer[] {Answer.THROTTLED, Answer.THROTTLED, Answer.THROTTLED},
            FAST,
            600L,
            2),
        Arguments.of(
            "it never goes below one",
            16,
            new Answer[] {
              Answer.THROTTLED,
              Answer.THROTTLED,
              Answer.THROTTLED,
              Answer.THROTTLED,
              Answer.THROTTLED,
              Answer.THROTTLED
            },
            FAST,
            600L,
            1),
        Arguments.of(
            "answers without a connection say nothing about load",
            16,
            new Answer[] {Answer.NONE, Answer.NONE},
            FAST,
            600L,
            16));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void answersMoveTheLimit(
      String description,
      int ceiling,
      Answer[] answers,
      Duration latency,
      long millisBetween,
      int expected)
      throws InterruptedException {
    AdaptiveWriteLimit limit = limit(ceiling);

    for (Answer answer : answers) {
      write(limit, answer, latency);
      now.addAndGet(Duration.ofMillis(millisBetween).toNanos());
    }

    assertThat(limit.current()).isEqualTo(expected);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void fastAnswersGrowTheLimitBackAdditivelyAndSlowOnesDoNot() throws InterruptedException {
    AdaptiveWriteLimit limit = limit(16);
    write(limit, Answer.THROTTLED, FAST);
    assertThat(limit.current()).isEqualTo(8);

    for (int i = 0; i < 100; i++) {
      write(limit, Answer.ANSWERED, SLOW);
    }
    assertThat(limit.current()).isEqualTo(8);

    for (int i = 0; i < 9; i++) {
      write(limit, Answer.ANSWERED, FAST);
    }
    assertThat(limit.current()).isEqualTo(9);

    for (int i = 0; i < 1000; i++) {
      write(limit, Answer.ANSWERED, FAST);
    }
    assertThat(limit.current()).isEqualTo(16);
  }

  static Stream<Arguments> latencies() {
    return Stream.of(
        Arguments.of("steady fast answers keep it at the ceiling", new long[] {10, 10, 12, 9}, 16),
        Arguments.of("jitter within the slack is not rising latency", new long[] {10, 10, 21}, 16),
        Arguments.of(
            "an answer over twice the usual plus slack lowers it", new long[] {10, 45}, 12),
        Arguments.of(
            "slow answers within one round of answers lower it once",
            new long[] {10, 100, 200, 300},
            12),
        Arguments.of("a faster answer becomes the usual latency", new long[] {100, 30, 90}, 12));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("latencies")
  void aLatencyAwareLimitBacksOffWhenAnswersGetSlowerThanUsual(
      String description, long[] millis, int expected) throws InterruptedException {
    AdaptiveWriteLimit limit = AdaptiveWriteLimit.create(16, true, now::get);

    for (long latency : millis) {
      write(limit, Answer.ANSWERED, Duration.ofMillis(latency));
      now.addAndGet(Duration.ofMillis(100).toNanos());
    }

    assertThat(limit.current()).isEqualTo(expected);
  }

  @Test
  void slowAnswersLowerALatencyAwareLimitOncePerRoundOfAnswers() throws InterruptedException {
    AdaptiveWriteLimit limit = AdaptiveWriteLimit.create(16, true, now::get);
    write(limit, Answer.ANSWERED, Duration.ofMillis(10));

    write(limit, Answer.ANSWERED, Duration.ofMillis(50));
    assertThat(limit.current()).isEqualTo(12);
    // Within the next round (12 answers) no second decrease, however close in time.
    for (int i = 0; i < 11; i++) {
      write(limit, Answer.ANSWERED, Duration.ofMillis(50));
    }
    assertThat(limit.current()).isEqualTo(12);
    write(limit, Answer.ANSWERED, Duration.ofMillis(50));
    assertThat(limit.current()).isEqualTo(9);
  }

  @Test
  void theUsualLatencyIsTheFastestOfTheLastTwoWindows() throws InterruptedException {
    AdaptiveWriteLimit limit = AdaptiveWriteLimit.create(16, true, now::get);
    write(limit, Answer.ANSWERED, Duration.ofMillis(10));
    now.addAndGet(AdaptiveWriteLimit.USUAL_LATENCY_WINDOW.toNanos());
    // The second window: 10 ms from the first still counts, so 30 ms is slow.
    write(limit, Answer.ANSWERED, Duration.ofMillis(30));
    assertThat(limit.current()).isEqualTo(12);
    now.addAndGet(AdaptiveWriteLimit.USUAL_LATENCY_WINDOW.toNanos());
    // The third window: the usual latency is 30 ms now, and 30 ms answers grow the limit back.
    for (int i = 0; i < 60; i++) {
      write(limit, Answer.ANSWERED, Duration.ofMillis(30));
    }
    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void aLimitWithoutLatencyAwarenessIgnoresRisingLatency() throws InterruptedException {
    AdaptiveWriteLimit limit = limit(16);

    write(limit, Answer.ANSWERED, Duration.ofMillis(10));
    write(limit, Answer.ANSWERED, Duration.ofMillis(900));

    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void aLatencyAwareLimitFollowsAnApiServerThatIsSlowerForGoodAndGrowsBack()
      throws InterruptedException {
    AdaptiveWriteLimit limit = AdaptiveWriteLimit.create(16, true, now::get);
    write(limit, Answer.ANSWERED, Duration.ofMillis(10));

    for (int i = 0; i < 2000; i++) {
      write(limit, Answer.ANSWERED, Duration.ofMillis(100));
      now.addAndGet(Duration.ofMillis(100).toNanos());
    }

    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void aWriteWaitsWhileTheLimitIsReachedAndGoesWhenOneIsReleased() throws Exception {
    AdaptiveWriteLimit limit = limit(1);
    limit.acquire();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch acquired = new CountDownLatch(1);
    Thread second =
        new Thread(
            () -> {
              try {
                started.countDown();
                limit.acquire();
                acquired.countDown();
                limit.release(Answer.ANSWERED, FAST);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    second.start();
    started.await();

    assertThat(acquired.await(300, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(limit.inFlight()).isEqualTo(1);
    limit.release(Answer.ANSWERED, FAST);

    assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
    second.join(10_000);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void aFreedPlaceGoesToAWaitingUrgentWriteBeforeBulkWritesThatWaitedLonger() throws Exception {
    AdaptiveWriteLimit limit = limit(1);
    limit.acquire(WriteLane.BULK);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    List<Thread> bulk = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      bulk.add(writer(limit, WriteLane.BULK, "bulk", order));
    }
    awaitWaiting(bulk);
    Thread urgent = writer(limit, WriteLane.URGENT, "urgent", order);
    awaitWaiting(List.of(urgent));

    limit.release(Answer.ANSWERED, FAST);

    for (Thread thread : bulk) {
      thread.join(10_000);
    }
    urgent.join(10_000);
    assertThat(order).hasSize(5).first().isEqualTo("urgent");
    assertThat(limit.inFlight()).isZero();
  }

  /** Starts a thread that acquires a place in the lane, notes its name and releases it. */
  private static Thread writer(
      AdaptiveWriteLimit limit, WriteLane lane, String name, List<String> order) {
    Thread thread =
        new Thread(
            () -> {
              try {
                limit.acquire(lane);
                order.add(name);
                limit.release(Answer.ANSWERED, FAST);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    thread.start();
    return thread;
  }

  private static void awaitWaiting(List<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (Thread thread : threads) {
      while (thread.getState() != Thread.State.WAITING) {
        assertThat(System.nanoTime()).as("thread waiting on the limit").isLessThan(deadline);
        Thread.sleep(5);
      }
    }
  }

  @Test
  void aCeilingBelowOneIsRefused() {
    assertThatThrownBy(() -> AdaptiveWriteLimit.create(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
