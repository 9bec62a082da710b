package dev.imps.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The drift check must be able to fail, or the CRD test proves nothing. */
class SchemaDriftTest {

  static class Item {
    @SerializedName("name")
    String name;
  }

  static class Bean {
    @SerializedName("name")
    String name;

    @SerializedName("count")
    Integer count;

    @SerializedName("when")
    OffsetDateTime when;

    @SerializedName("items")
    List<Item> items;

    @SerializedName("labels")
    Map<String, String> labels;
  }

  private static final String AGREEING =
      """
      type: object
      properties:
        name: {type: string}
        count: {type: integer, format: int32}
        when: {type: string, format: date-time}
        items:
          type: array
          items:
            type: object
            properties:
              name: {type: string}
        labels:
          type: object
          additionalProperties: {type: string}
      """;

  static Stream<Arguments> schemas() {
    return Stream.of(
        Arguments.of("a schema that agrees with the model", AGREEING, List.of()),
        Arguments.of(
            "a schema without a model field",
            AGREEING.replace("  name: {type: string}\n  count", "  count"),
            List.of("$.name: in the model (Bean), not in the schema")),
        Arguments.of(
            "a schema with a field the model lacks",
            AGREEING.replace("  count:", "  extra: {type: string}\n  count:"),
            List.of("$.extra: in the schema, not in the model (Bean)")),
        Arguments.of(
            "a nested list item without a model field",
            AGREEING.replace(
                "      properties:\n        name: {type: string}\n",
                "      properties:\n        other: {type: string}\n"),
            List.of(
                "$.items[].name: in the model (Item), not in the schema",
                "$.items[].other: in the schema, not in the model (Item)")),
        Arguments.of(
            "a schema with a string where the model has an integer",
            AGREEING.replace("count: {type: integer, format: int32}", "count: {type: string}"),
            List.of("$.count: integer in the model, string in the schema")),
        Arguments.of(
            "a schema with a plain string where the model has a timestamp",
            AGREEING.replace("when: {type: string, format: date-time}", "when: {type: string}"),
            List.of("$.when: format date-time in the model, null in the schema")),
        Arguments.of(
            "a schema with a map that is not a map",
            AGREEING.replace("    additionalProperties: {type: string}\n", ""),
            List.of("$.labels: a map in the model, but the schema has no additionalProperties")),
        Arguments.of(
            "a schema that requires a field it does not define",
            AGREEING.replace(
                "type: object\nproperties:", "type: object\nrequired: [nope]\nproperties:"),
            List.of("$: requires nope, which it does not define")));
  }

  @ParameterizedTest(name = "{0} is reported as {2}")
  @MethodSource("schemas")
  void reportsEveryDisagreementWithItsPath(String description, String schema, List<String> drift) {
    JsonObject parsed = YamlTestResources.parse(schema).getAsJsonObject();

    assertThat(SchemaDrift.between((Type) Bean.class, parsed, "$")).isEqualTo(drift);
  }
}
