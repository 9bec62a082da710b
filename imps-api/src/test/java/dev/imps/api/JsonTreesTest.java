package dev.imps.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The round-trip tests lean on the normalisation; it must forgive only what Kubernetes does. */
class JsonTreesTest {

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("an empty list and no list", "{\"a\":1,\"l\":[]}", "{\"a\":1}", true),
        Arguments.of("an empty map and no map", "{\"m\":{}}", "{}", true),
        Arguments.of("an explicit null and no field", "{\"n\":null}", "{}", true),
        Arguments.of(
            "a timestamp with and without microseconds",
            "{\"t\":\"2021-10-25T11:39:18.000000Z\"}",
            "{\"t\":\"2021-10-25T11:39:18Z\"}",
            true),
        Arguments.of(
            "timestamps a second apart",
            "{\"t\":\"2021-10-25T11:39:19Z\"}",
            "{\"t\":\"2021-10-25T11:39:18Z\"}",
            false),
        Arguments.of("a field and no field", "{\"a\":1,\"b\":\"x\"}", "{\"a\":1}", false),
        Arguments.of("a non-empty list and no list", "{\"l\":[\"x\"]}", "{}", false),
        Arguments.of("an empty string and no field", "{\"s\":\"\"}", "{}", false),
        Arguments.of("lists in another order", "{\"l\":[1,2]}", "{\"l\":[2,1]}", false));
  }

  @ParameterizedTest(name = "{0} compare equal: {3}")
  @MethodSource("pairs")
  void normalisationForgivesOnlyEmptyCollectionsAndTimestampPrecision(
      String description, String left, String right, boolean equal) {
    boolean actual =
        JsonTrees.normalized(JsonParser.parseString(left))
            .equals(JsonTrees.normalized(JsonParser.parseString(right)));

    assertThat(actual).isEqualTo(equal);
  }
}
