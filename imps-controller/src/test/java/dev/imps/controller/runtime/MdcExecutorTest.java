package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;

class MdcExecutorTest {

  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() throws InterruptedException {
    MDC.clear();
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  static Stream<Arguments> contexts() {
    return Stream.of(
        Arguments.of(Map.of(ImpsOperator.MDC_CR, "mesh"), Map.of(ImpsOperator.MDC_CR, "mesh")),
        Arguments.of(Map.of(), Map.of()));
  }

  @ParameterizedTest(name = "submitted with {0}, the task sees {1}")
  @MethodSource("contexts")
  void a_task_on_the_pool_sees_the_submitters_mdc_and_leaves_the_workers_own_behind(
      Map<String, String> submitter, Map<String, String> seen) throws Exception {
    pool.submit(() -> MDC.put("worker", "own")).get(10, TimeUnit.SECONDS);
    submitter.forEach(MDC::put);
    CompletableFuture<Map<String, String>> inTask = new CompletableFuture<>();

    MdcExecutor.wrap(pool).execute(() -> inTask.complete(copy()));

    assertThat(inTask.get(10, TimeUnit.SECONDS)).isEqualTo(seen);
    assertThat(pool.submit(MdcExecutorTest::copy).get(10, TimeUnit.SECONDS))
        .isEqualTo(Map.of("worker", "own"));
  }

  private static Map<String, String> copy() {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return context == null ? Map.of() : new HashMap<>(context);
  }
}
