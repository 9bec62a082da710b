package dev.imps.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogLayoutTest {

  @Test
  void a_log_line_is_one_json_object_with_the_mdc_as_fields() {
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            context.getLogger("dev.imps.Test"),
            Level.WARN,
            "copy in {} \"failed\"\nnext line",
            null,
            new Object[] {"apps"});
    event.setMDCPropertyMap(Map.of("imagepullsecret", "ecr", "namespace", "apps"));
    event.setTimeStamp(0);

    String line = new JsonLogLayout().doLayout(event);

    assertThat(line).endsWith(System.lineSeparator());
    assertThat(line.strip()).doesNotContain("\n");
    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
    assertThat(json.get("ts").getAsString()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(json.get("level").getAsString()).isEqualTo("WARN");
    assertThat(json.get("logger").getAsString()).isEqualTo("dev.imps.Test");
    assertThat(json.get("msg").getAsString()).isEqualTo("copy in apps \"failed\"\nnext line");
    assertThat(json.get("imagepullsecret").getAsString()).isEqualTo("ecr");
    assertThat(json.get("namespace").getAsString()).isEqualTo("apps");
    assertThat(json.has("error")).isFalse();
  }

  @Test
  void an_exception_goes_into_the_error_field() {
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            context.getLogger("x"),
            Level.ERROR,
            "boom",
            new IllegalStateException("bad state"),
            null);
    event.setMDCPropertyMap(Map.of());

    JsonObject json = JsonParser.parseString(new JsonLogLayout().doLayout(event)).getAsJsonObject();

    assertThat(json.get("error").getAsString())
        .startsWith("java.lang.IllegalStateException: bad state");
  }
}
