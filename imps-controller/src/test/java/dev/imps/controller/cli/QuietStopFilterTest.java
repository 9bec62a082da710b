package dev.imps.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuietStopFilterTest {

  private static final String INFORMER = "io.kubernetes.client.informer.cache.ReflectorRunnable";

  static Stream<Arguments> onlyClientJavaInterruptionsAreDropped() {
    InterruptedException interrupted = new InterruptedException("sleep interrupted");
    return Stream.of(
        Arguments.of("client-java's interrupted informer", INFORMER, interrupted, null, true),
        Arguments.of(
            "an interruption wrapped as a cause",
            INFORMER,
            new RuntimeException("stopped", interrupted),
            null,
            true),
        Arguments.of(
            "an interruption passed as the last parameter", INFORMER, null, interrupted, true),
        Arguments.of(
            "client-java's other errors", INFORMER, new RuntimeException("boom"), null, false),
        Arguments.of(
            "imps's own lines, even about an interruption",
            "dev.imps.controller.runtime.ImpsOperator",
            interrupted,
            null,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void onlyClientJavaInterruptionsAreDropped(
      String description, String logger, Throwable thrown, Object lastParam, boolean dropped) {
    LoggerContext context = new LoggerContext();
    QuietStopFilter filter = new QuietStopFilter();

    FilterReply reply =
        filter.decide(
            null,
            context.getLogger(logger),
            Level.ERROR,
            "failed {}",
            lastParam == null ? null : new Object[] {lastParam},
            thrown);

    assertThat(reply).isEqualTo(dropped ? FilterReply.DENY : FilterReply.NEUTRAL);
  }
}
