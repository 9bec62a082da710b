package dev.imps.controller.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Formats a log event as one line of JSON: {@code ts}, {@code level}, {@code logger}, {@code
 * thread}, {@code msg}, the MDC entries (such as {@code imagepullsecret} and {@code namespace}) and
 * {@code error} with the stack trace. For log collectors that parse JSON; selected by {@code
 * --log-json}.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

  /** Creates the layout; logback calls this. */
  public JsonLogLayout() {}

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter text = new StringWriter(256);
    try (JsonWriter json = new JsonWriter(text)) {
      json.setHtmlSafe(false);
      json.beginObject();
      json.name("ts").value(Instant.ofEpochMilli(event.getTimeStamp()).toString());
      json.name("level").value(event.getLevel().toString());
      json.name("logger").value(event.getLoggerName());
      json.name("thread").value(event.getThreadName());
      json.name("msg").value(event.getFormattedMessage());
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> entry : new TreeMap<>(mdc).entrySet()) {
          json.name(entry.getKey()).value(entry.getValue());
        }
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        json.name("error").value(ThrowableProxyUtil.asString(error));
      }
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append(CoreConstants.LINE_SEPARATOR).toString();
  }
}
