package dev.imps.controller.plan;

import dev.imps.api.CrdResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the {@code spec} of an {@code ImagePullSecret} document against the structural schema of
 * imps's CRD: unknown fields, wrong types and missing required fields, each named by its path. The
 * API server does the same on {@code kubectl apply} (kubectl's default field validation is {@code
 * Strict}), so the offline plan rejects what the cluster would reject, with the path instead of a
 * Gson error.
 *
 * <p>Thread-safe; the schema is read once from {@link CrdResource}.
 */
final class CrdSchemaCheck {

  private static final Map<?, ?> SPEC_SCHEMA = loadSpecSchema();

  private CrdSchemaCheck() {}

  /**
   * Checks a spec.
   *
   * @param spec the {@code spec} field of the document
   * @throws PlanInputException naming every problem with its path
   */
  static void check(ObjectFields spec) throws PlanInputException {
    List<String> problems = new ArrayList<>();
    check(spec.raw(), SPEC_SCHEMA, spec.path(), problems);
    if (!problems.isEmpty()) {
      throw spec.errorAt("", String.join("; ", problems));
    }
  }

  private static void check(Object value, Map<?, ?> schema, String path, List<String> problems) {
    if (value == null) {
      return;
    }
    String type = String.valueOf(schema.get("type"));
    switch (type) {
      case "object" -> checkObject(value, schema, path, problems);
      case "array" -> {
        if (!(value instanceof List<?> list)) {
          problems.add(path + ": must be a list, not " + ObjectFields.typeName(value));
          return;
        }
        Map<?, ?> items = (Map<?, ?>) schema.get("items");
        for (int i = 0; i < list.size(); i++) {
          check(list.get(i), items, path + "[" + i + "]", problems);
        }
      }
      case "string" -> {
        if (!(value instanceof String)) {
          problems.add(path + ": must be a string, not " + ObjectFields.typeName(value));
        }
      }
      case "integer" -> {
        if (!(value instanceof Number number)
            || number.doubleValue() != Math.rint(number.doubleValue())) {
          problems.add(path + ": must be an integer, not " + ObjectFields.typeName(value));
        }
      }
      case "boolean" -> {
        if (!(value instanceof Boolean)) {
          problems.add(path + ": must be a boolean, not " + ObjectFields.typeName(value));
        }
      }
      default -> {
        // No type constraint.
      }
    }
  }

  private static void checkObject(
      Object value, Map<?, ?> schema, String path, List<String> problems) {
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(path + ": must be an object, not " + ObjectFields.typeName(value));
      return;
    }
    Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
    Object additional = schema.get("additionalProperties");
    boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
    if (schema.get("required") instanceof List<?> required) {
      for (Object key : required) {
        if (map.get(key) == null) {
          problems.add(join(path, String.valueOf(key)) + ": required");
        }
      }
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String fieldPath = join(path, key);
      if (properties != null && properties.get(key) instanceof Map<?, ?> fieldSchema) {
        check(entry.getValue(), fieldSchema, fieldPath, problems);
      } else if (additional instanceof Map<?, ?> valueSchema) {
        check(entry.getValue(), valueSchema, fieldPath, problems);
      } else if (!preserve && !Boolean.TRUE.equals(additional)) {
        problems.add(
            fieldPath
                + ": unknown field"
                + (properties == null ? "" : " (expected one of " + properties.keySet() + ")"));
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Map<?, ?> loadSpecSchema() {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<?, ?> crd = yaml.load(CrdResource.yaml());
    Map<?, ?> version =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) crd.get("spec")).get("versions")).get(0);
    Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) version.get("schema")).get("openAPIV3Schema");
    return (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("spec");
  }
}
