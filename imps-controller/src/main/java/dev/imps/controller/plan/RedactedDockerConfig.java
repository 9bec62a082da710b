package dev.imps.controller.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rendered {@code .dockerconfigjson} of a plan with its secrets taken out, for printing.
 *
 * <p>Built from the rendered bytes themselves, so it shows exactly the registries and fields a copy
 * would get. Redaction is by allow list: in each registry entry only {@code username} and {@code
 * email} keep their value (they identify the account, and users need them to see which account is
 * used, e.g. ECR's {@code AWS}); every other field ({@code password}, {@code auth}, {@code
 * identitytoken}, {@code registrytoken}, and any field a future format adds) reads {@value
 * #REDACTED}. Anything that is not the expected shape is redacted whole.
 */
public final class RedactedDockerConfig {

  /** What every secret value is replaced with. */
  public static final String REDACTED = "<redacted>";

  /** Entry fields whose values are shown. */
  public static final Set<String> SHOWN_FIELDS = Set.of("username", "email");

  private RedactedDockerConfig() {}

  /**
   * Redacts a rendered docker config.
   *
   * @param dockerConfigJson the rendered bytes ({@code {"auths": {...}}})
   * @return {@code {"auths": {registry: {field: value or <redacted>}}}} as plain maps, in the
   *     rendered order
   */
  public static Map<String, Object> of(byte[] dockerConfigJson) {
    Map<String, Object> auths = new LinkedHashMap<>();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("auths", auths);
    JsonElement root;
    try {
      root = JsonParser.parseString(new String(dockerConfigJson, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      config.put("auths", REDACTED);
      return config;
    }
    if (!root.isJsonObject() || !root.getAsJsonObject().has("auths")) {
      config.put("auths", REDACTED);
      return config;
    }
    JsonElement entries = root.getAsJsonObject().get("auths");
    if (!entries.isJsonObject()) {
      config.put("auths", REDACTED);
      return config;
    }
    for (Map.Entry<String, JsonElement> registry : entries.getAsJsonObject().entrySet()) {
      auths.put(registry.getKey(), entry(registry.getValue()));
    }
    return config;
  }

  private static Object entry(JsonElement entry) {
    if (!entry.isJsonObject()) {
      return REDACTED;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    JsonObject object = entry.getAsJsonObject();
    for (Map.Entry<String, JsonElement> field : object.entrySet()) {
      JsonElement value = field.getValue();
      boolean shown =
          SHOWN_FIELDS.contains(field.getKey())
              && value.isJsonPrimitive()
              && value.getAsJsonPrimitive().isString();
      fields.put(field.getKey(), shown ? value.getAsString() : REDACTED);
    }
    return fields;
  }
}
