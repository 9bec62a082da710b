package dev.imps.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactedDockerConfigTest {

  static Stream<Arguments> configs() {
    return Stream.of(
        Arguments.of(
            "password and auth",
            "{\"auths\":{\"ghcr.io\":{\"auth\":\"dTpw\",\"password\":\"p\",\"username\":\"u\"}}}",
            "{\"auths\":{\"ghcr.io\":{\"auth\":\"<redacted>\",\"password\":\"<redacted>\","
                + "\"username\":\"u\"}}}"),
        Arguments.of(
            "tokens, with the email kept",
            "{\"auths\":{\"r.io\":{\"email\":\"e@x\",\"identitytoken\":\"t1\","
                + "\"registrytoken\":\"t2\"}}}",
            "{\"auths\":{\"r.io\":{\"email\":\"e@x\",\"identitytoken\":\"<redacted>\","
                + "\"registrytoken\":\"<redacted>\"}}}"),
        Arguments.of(
            "a field no format has yet",
            "{\"auths\":{\"r.io\":{\"username\":\"u\",\"futuretoken\":\"t\"}}}",
            "{\"auths\":{\"r.io\":{\"username\":\"u\",\"futuretoken\":\"<redacted>\"}}}"),
        Arguments.of(
            "a username that is not a string",
            "{\"auths\":{\"r.io\":{\"username\":{\"secret\":\"s\"}}}}",
            "{\"auths\":{\"r.io\":{\"username\":\"<redacted>\"}}}"),
        Arguments.of(
            "an entry that is not an object",
            "{\"auths\":{\"r.io\":\"dTpw\"}}",
            "{\"auths\":{\"r.io\":\"<redacted>\"}}"),
        Arguments.of(
            "auths that are not an object", "{\"auths\":[\"s\"]}", "{\"auths\":\"<redacted>\"}"),
        Arguments.of("text that is not JSON", "u:p", "{\"auths\":\"<redacted>\"}"),
        Arguments.of("no registry", "{\"auths\":{}}", "{\"auths\":{}}"));
  }

  @ParameterizedTest(name = "{0}: only usernames and emails are shown")
  @MethodSource("configs")
  void only_usernames_and_emails_keep_their_values(String what, String rendered, String shown) {
    Map<String, Object> redacted =
        RedactedDockerConfig.of(rendered.getBytes(StandardCharsets.UTF_8));

    assertThat(new GsonBuilder().disableHtmlEscaping().create().toJson(redacted)).isEqualTo(shown);
  }
}
