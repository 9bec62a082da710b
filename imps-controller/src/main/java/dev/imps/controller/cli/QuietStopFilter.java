package dev.imps.controller.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops client-java's log lines about an {@link InterruptedException}: when the operator stops
 * (SIGTERM), its informers, reflectors and leader elector are interrupted on purpose, and
 * client-java reports each at ERROR with a stack trace. A clean stop must log no ERROR; imps logs
 * its own "stopping" line.
 *
 * <p>Only loggers under {@code io.kubernetes.client} are filtered; imps's own lines always pass.
 */
public final class QuietStopFilter extends TurboFilter {

  /** The logger prefix whose interruption reports are dropped. */
  static final String CLIENT_JAVA = "io.kubernetes.client";

  /** Creates the filter (logback instantiates it from {@code logback.xml}). */
  public QuietStopFilter() {}

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !logger.getName().startsWith(CLIENT_JAVA)) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t;
    if (thrown == null && params != null && params.length > 0) {
      Object last = params[params.length - 1];
      thrown = last instanceof Throwable throwable ? throwable : null;
    }
    return isInterruption(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /** Tells whether {@code t} or one of its causes is an interruption. */
  static boolean isInterruption(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
