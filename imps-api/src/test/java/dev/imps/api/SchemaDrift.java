package dev.imps.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds where a Gson model and an OpenAPI v3 schema disagree: a field one has and the other has
 * not, or a field whose types differ. Walks both together, recursing through beans, lists and maps,
 * including client-java's own beans ({@code V1LabelSelector}, {@code V1Condition}). Object metadata
 * is only checked to be an object: the API server describes it.
 */
public final class SchemaDrift {

  private static final Set<Class<?>> DESCRIBED_BY_THE_API_SERVER =
      Set.of(V1ObjectMeta.class, V1ListMeta.class);

  private final List<String> drift = new ArrayList<>();

  private SchemaDrift() {}

  /**
   * Lists every disagreement between a model type and a schema.
   *
   * @param model the Java type of the value, such as {@code ImagePullSecret.class}
   * @param schema the schema of the value, such as {@code openAPIV3Schema}
   * @param path the path to name in messages, such as {@code $}
   * @return one message per disagreement, naming its path; empty when they agree
   */
  public static List<String> between(Type model, JsonObject schema, String path) {
    SchemaDrift walk = new SchemaDrift();
    walk.compare(model, schema, path);
    return walk.drift;
  }

  private void compare(Type model, JsonObject schema, String path) {
    Class<?> raw = rawClass(model);
    String type = schema.has("type") ? schema.get("type").getAsString() : "(none)";
    if (raw == String.class) {
      expect(path, schema, "string", null);
    } else if (raw == OffsetDateTime.class) {
      expect(path, schema, "string", "date-time");
    } else if (raw == Integer.class) {
      expect(path, schema, "integer", "int32");
    } else if (raw == Long.class) {
      expect(path, schema, "integer", "int64");
    } else if (raw == Boolean.class) {
      expect(path, schema, "boolean", null);
    } else if (raw.isEnum()) {
      expect(path, schema, "string", null);
      compareEnum(raw, schema, path);
    } else if (List.class.isAssignableFrom(raw)) {
      if (expect(path, schema, "array", null)) {
        compare(typeArgument(model, 0), schema.getAsJsonObject("items"), path + "[]");
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (expect(path, schema, "object", null)) {
        if (!schema.has("additionalProperties")) {
          drift.add(path + ": a map in the model, but the schema has no additionalProperties");
        } else {
          compare(
              typeArgument(model, 1), schema.getAsJsonObject("additionalProperties"), path + ".*");
        }
      }
    } else if (DESCRIBED_BY_THE_API_SERVER.contains(raw)) {
      expect(path, schema, "object", null);
    } else if (!"object".equals(type)) {
      drift.add(
          path + ": " + raw.getSimpleName() + " in the model, type " + type + " in the schema");
    } else {
      compareBean(raw, schema, path);
    }
  }

  private void compareBean(Class<?> bean, JsonObject schema, String path) {
    Map<String, Field> fields = serializedFields(bean);
    JsonObject properties =
        schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
    Set<String> names = new TreeSet<>(fields.keySet());
    names.addAll(properties.keySet());
    for (String name : names) {
      String at = path + "." + name;
      if (!properties.has(name)) {
        drift.add(at + ": in the model (" + bean.getSimpleName() + "), not in the schema");
      } else if (!fields.containsKey(name)) {
        drift.add(at + ": in the schema, not in the model (" + bean.getSimpleName() + ")");
      } else {
        compare(fields.get(name).getGenericType(), properties.getAsJsonObject(name), at);
      }
    }
    if (schema.has("required")) {
      for (JsonElement required : schema.getAsJsonArray("required")) {
        if (!properties.has(required.getAsString())) {
          drift.add(path + ": requires " + required.getAsString() + ", which it does not define");
        }
      }
    }
  }

  private void compareEnum(Class<?> enumType, JsonObject schema, String path) {
    Set<String> inModel = new TreeSet<>();
    for (Field constant : enumType.getFields()) {
      if (constant.isEnumConstant()) {
        SerializedName name = constant.getAnnotation(SerializedName.class);
        inModel.add(name != null ? name.value() : constant.getName());
      }
    }
    Set<String> inSchema = new TreeSet<>();
    JsonArray values = schema.has("enum") ? schema.getAsJsonArray("enum") : new JsonArray();
    values.forEach(value -> inSchema.add(value.getAsString()));
    if (!inModel.equals(inSchema)) {
      drift.add(path + ": enum " + inModel + " in the model, " + inSchema + " in the schema");
    }
  }

  private boolean expect(String path, JsonObject schema, String type, String format) {
    String actualType = schema.has("type") ? schema.get("type").getAsString() : "(none)";
    if (!type.equals(actualType)) {
      drift.add(path + ": " + type + " in the model, " + actualType + " in the schema");
      return false;
    }
    String actualFormat = schema.has("format") ? schema.get("format").getAsString() : null;
    if (format != null && !format.equals(actualFormat)) {
      drift.add(path + ": format " + format + " in the model, " + actualFormat + " in the schema");
    }
    if (format == null && "date-time".equals(actualFormat)) {
      drift.add(path + ": a plain string in the model, a date-time in the schema");
    }
    return true;
  }

  private static Map<String, Field> serializedFields(Class<?> bean) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        SerializedName name = field.getAnnotation(SerializedName.class);
        if (name != null && !Modifier.isStatic(field.getModifiers())) {
          fields.put(name.value(), field);
        }
      }
    }
    return fields;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported model type " + type);
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    throw new IllegalArgumentException("raw collection type " + type + " in the model");
  }
}
