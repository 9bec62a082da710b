package dev.imps.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares JSON trees the way the API server reads them.
 *
 * <p>Two differences between equal Kubernetes objects are normalised away: client-java's generated
 * models start their collections empty, so {@code JSON} writes {@code "finalizers": []} where the
 * input had nothing (the API server treats empty and absent alike, {@code omitempty}); and {@code
 * JSON} writes timestamps with microseconds ({@code 11:39:18.000000Z} for {@code 11:39:18Z}).
 * Nothing else is touched, so a field the model drops still shows.
 */
public final class JsonTrees {

  private static final Pattern RFC3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private JsonTrees() {}

  /**
   * Returns a copy without empty arrays or objects as member values, with timestamps as instants.
   *
   * @param tree the tree
   * @return the normalised copy
   */
  public static JsonElement normalized(JsonElement tree) {
    if (tree.isJsonObject()) {
      JsonObject out = new JsonObject();
      for (Map.Entry<String, JsonElement> member : tree.getAsJsonObject().entrySet()) {
        JsonElement value = normalized(member.getValue());
        if (!isEmpty(value)) {
          out.add(member.getKey(), value);
        }
      }
      return out;
    }
    if (tree.isJsonArray()) {
      JsonArray out = new JsonArray();
      tree.getAsJsonArray().forEach(element -> out.add(normalized(element)));
      return out;
    }
    if (tree.isJsonPrimitive()
        && tree.getAsJsonPrimitive().isString()
        && RFC3339.matcher(tree.getAsString()).matches()) {
      return new JsonPrimitive(OffsetDateTime.parse(tree.getAsString()).toInstant().toString());
    }
    return tree;
  }

  private static boolean isEmpty(JsonElement value) {
    return value.isJsonNull()
        || (value.isJsonArray() && value.getAsJsonArray().isEmpty())
        || (value.isJsonObject() && value.getAsJsonObject().isEmpty());
  }
}
