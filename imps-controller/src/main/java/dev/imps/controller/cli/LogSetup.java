package dev.imps.controller.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Configures logback from the command line: the root level ({@code --log-level}) and plain or JSON
 * lines ({@code --log-json}) on standard error.
 */
final class LogSetup {

  /** The plain line: time, level, thread, logger, MDC (the CR and namespace), message. */
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}"
          + "%replace( %mdc){' $', ''} - %msg%n";

  /** client-java's leader elector logger. */
  static final String LEADER_ELECTOR = "io.kubernetes.client.extended.leaderelection.LeaderElector";

  private LogSetup() {}

  /**
   * Replaces logback's configuration.
   *
   * @param level {@code error}, {@code warn}, {@code info}, {@code debug} or {@code trace}
   * @param json whether to write JSON lines
   * @throws IllegalArgumentException if {@code level} is not one of those
   */
  static void configure(String level, boolean json) {
    Level parsed = parseLevel(level);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    Encoder<ILoggingEvent> encoder;
    if (json) {
      LayoutWrappingEncoder<ILoggingEvent> wrapping = new LayoutWrappingEncoder<>();
      JsonLogLayout layout = new JsonLogLayout();
      layout.setContext(context);
      layout.start();
      wrapping.setLayout(layout);
      encoder = wrapping;
    } else {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setPattern(PATTERN);
      encoder = pattern;
    }
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    QuietStopFilter quietStop = new QuietStopFilter();
    quietStop.setContext(context);
    quietStop.start();
    context.addTurboFilter(quietStop);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(parsed);
    // client-java logs every watch reconnect and informer resync at info; keep them out unless
    // asked.
    if (parsed.isGreaterOrEqual(Level.INFO)) {
      context.getLogger("io.kubernetes.client").setLevel(Level.WARN);
      // Its leader elector logs every failed Lease read at ERROR with a stack trace, every retry
      // period; imps reports an outage once (leader.OutageReportingLock) and a lost lease itself.
      context.getLogger(LEADER_ELECTOR).setLevel(Level.OFF);
    }
  }

  static Level parseLevel(String level) {
    String name = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
    switch (name) {
      case "ERROR", "WARN", "INFO", "DEBUG", "TRACE":
        return Level.toLevel(name);
      default:
        throw new IllegalArgumentException(
            "--log-level must be error, warn, info, debug or trace, got \"" + level + "\"");
    }
  }
}
