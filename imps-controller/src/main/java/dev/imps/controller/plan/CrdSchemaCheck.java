package dev.imps.controller.plan;

import com.google.re2j.Pattern;
import dev.imps.api.CrdResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the {@code spec} of an {@code ImagePullSecret} against imps's CRD as the API server does
 * on create: the structural schema (unknown fields, as kubectl's default {@code Strict} field
 * validation reports them, types and required fields), the value rules ({@code enum}, {@code
 * pattern} with RE2 as Go's {@code regexp}, {@code minLength}/{@code maxLength} in code points,
 * {@code minItems}/{@code maxItems}) and the CEL rules of {@code x-kubernetes-validations}, which
 * {@link CrdCelRules} evaluates with cel-java. As the API server does, CEL rules are not evaluated
 * when a type, enum, required, {@code maxLength} or {@code maxItems} error was found (its {@code
 * hasBlockingErr}: the object has not the shape the rules were written for).
 *
 * <p>The check knows every keyword the spec schema uses; the CRD failing to load (a keyword added
 * that this class does not check) breaks the build's tests, not a user's plan. Thread-safe; the
 * schema is read once from {@link CrdResource}.
 */
final class CrdSchemaCheck {

  /** The schema keywords this check implements (descriptions are documentation only). */
  static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "description",
          "properties",
          "additionalProperties",
          "x-kubernetes-preserve-unknown-fields",
          "required",
          "items",
          "enum",
          "pattern",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "x-kubernetes-validations");

  private static final Map<?, ?> SPEC_SCHEMA = loadSpecSchema();
  private static final Map<String, Pattern> PATTERNS = patterns(SPEC_SCHEMA);
  private static final CrdCelRules RULES = CrdCelRules.of(SPEC_SCHEMA);

  private CrdSchemaCheck() {}

  /**
   * Checks a spec, throwing for structural problems (the object cannot be decoded) and returning
   * the value problems (the object is well-formed, but the API server would reject it).
   *
   * @param spec the {@code spec} field of the document
   * @return the value problems as {@code path: problem}, empty when the API server accepts it
   * @throws PlanInputException naming every structural problem with its path
   */
  static List<String> check(ObjectFields spec) throws PlanInputException {
    List<Violation> violations = violations(spec.raw(), spec.path());
    List<String> structural =
        violations.stream().filter(Violation::structural).map(Violation::toString).toList();
    if (!structural.isEmpty()) {
      throw spec.errorAt("", String.join("; ", structural));
    }
    return violations.stream().map(Violation::toString).toList();
  }

  /**
   * Checks a spec as the API server would.
   *
   * @param spec the spec as YAML/JSON maps, lists and scalars
   * @param path the spec's path, usually {@code spec}
   * @return every problem, empty when the API server accepts the spec
   */
  static List<Violation> violations(Object spec, String path) {
    Walk walk = new Walk();
    walk.check(spec, SPEC_SCHEMA, path);
    if (!walk.blocking) {
      for (Walk.Node node : walk.celNodes) {
        for (CrdCelRules.Failure failure : RULES.evaluate(node.schema(), node.value())) {
          walk.violations.add(
              new Violation(node.path() + failure.fieldPath(), failure.message(), false));
        }
      }
    }
    return walk.violations;
  }

  /**
   * One problem with a spec.
   *
   * @param path the field, e.g. {@code spec.target.secret.name}
   * @param problem what is wrong, never the value
   * @param structural whether the object cannot be decoded at all (unknown field, wrong type,
   *     missing required field)
   */
  record Violation(String path, String problem, boolean structural) {

    Violation {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
      return path + ": " + problem;
    }
  }

  /** One pass over a spec; not thread-safe. */
  private static final class Walk {
    final List<Violation> violations = new ArrayList<>();
    final List<Node> celNodes = new ArrayList<>();
    boolean blocking;

    record Node(Object value, Map<?, ?> schema, String path) {}

    void check(Object value, Map<?, ?> schema, String path) {
      if (value == null) {
        return; // The API server prunes nulls of fields that are not nullable.
      }
      String type = String.valueOf(schema.get("type"));
      boolean typed =
          switch (type) {
            case "object" -> checkObject(value, schema, path);
            case "array" -> checkArray(value, schema, path);
            case "string" -> checkString(value, schema, path);
            case "integer" -> is(value, path, "an integer", isInteger(value));
            case "boolean" -> is(value, path, "a boolean", value instanceof Boolean);
            default -> true;
          };
      if (!typed) {
        return;
      }
      if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
        blocking = true;
        violations.add(new Violation(path, "must be one of " + allowed, false));
      }
      if (schema.containsKey("x-kubernetes-validations")) {
        celNodes.add(new Node(value, schema, path));
      }
    }

    private boolean is(Object value, String path, String what, boolean ok) {
      if (!ok) {
        blocking = true;
        violations.add(
            new Violation(path, "must be " + what + ", not " + ObjectFields.typeName(value), true));
      }
      return ok;
    }

    private boolean checkObject(Object value, Map<?, ?> schema, String path) {
      if (!is(value, path, "an object", value instanceof Map<?, ?>)) {
        return false;
      }
      Map<?, ?> map = (Map<?, ?>) value;
      Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
      Object additional = schema.get("additionalProperties");
      boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
      if (schema.get("required") instanceof List<?> required) {
        for (Object key : required) {
          if (map.get(key) == null) {
            blocking = true;
            violations.add(new Violation(join(path, String.valueOf(key)), "required", true));
          }
        }
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String fieldPath = join(path, key);
        if (properties != null && properties.get(key) instanceof Map<?, ?> fieldSchema) {
          check(entry.getValue(), fieldSchema, fieldPath);
        } else if (additional instanceof Map<?, ?> valueSchema) {
          check(entry.getValue(), valueSchema, fieldPath);
        } else if (!preserve && !Boolean.TRUE.equals(additional)) {
          violations.add(
              new Violation(
                  fieldPath,
                  "unknown field"
                      + (properties == null
                          ? ""
                          : " (expected one of " + properties.keySet() + ")"),
                  true));
        }
      }
      return true;
    }

    private boolean checkArray(Object value, Map<?, ?> schema, String path) {
      if (!is(value, path, "a list", value instanceof List<?>)) {
        return false;
      }
      List<?> list = (List<?>) value;
      bound(path, list.size(), schema.get("minItems"), schema.get("maxItems"), "items");
      Map<?, ?> items = (Map<?, ?>) schema.get("items");
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), items, path + "[" + i + "]");
      }
      return true;
    }

    private boolean checkString(Object value, Map<?, ?> schema, String path) {
      if (!is(value, path, "a string", value instanceof String)) {
        return false;
      }
      String text = (String) value;
      int length = text.codePointCount(0, text.length());
      bound(path, length, schema.get("minLength"), schema.get("maxLength"), "characters");
      if (schema.get("pattern") instanceof String pattern
          && !PATTERNS.get(pattern).matcher(text).find()) {
        violations.add(new Violation(path, "must match " + pattern, false));
      }
      return true;
    }

    private void bound(String path, int size, Object min, Object max, String unit) {
      if (min instanceof Number least && size < least.longValue()) {
        violations.add(new Violation(path, "must have at least " + least + " " + unit, false));
      }
      if (max instanceof Number most && size > most.longValue()) {
        blocking = true;
        violations.add(new Violation(path, "must have at most " + most + " " + unit, false));
      }
    }
  }

  private static boolean isInteger(Object value) {
    return value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue());
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Compiles every pattern once, and fails on a keyword this check does not implement. */
  private static Map<String, Pattern> patterns(Map<?, ?> schema) {
    Map<String, Pattern> patterns = new HashMap<>();
    collectPatterns(schema, "spec", patterns);
    return Map.copyOf(patterns);
  }

  private static void collectPatterns(
      Map<?, ?> schema, String path, Map<String, Pattern> patterns) {
    for (Map.Entry<?, ?> entry : schema.entrySet()) {
      String keyword = String.valueOf(entry.getKey());
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalStateException(
            "the CRD schema at " + path + " uses " + keyword + ", which the offline check lacks");
      }
    }
    if (schema.get("pattern") instanceof String pattern) {
      patterns.put(pattern, Pattern.compile(pattern));
    }
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach(
          (key, child) -> collectPatterns((Map<?, ?>) child, join(path, "" + key), patterns));
    }
    if (schema.get("additionalProperties") instanceof Map<?, ?> child) {
      collectPatterns(child, path + ".*", patterns);
    }
    if (schema.get("items") instanceof Map<?, ?> child) {
      collectPatterns(child, path + "[*]", patterns);
    }
  }

  private static Map<?, ?> loadSpecSchema() {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<?, ?> crd = yaml.load(CrdResource.yaml());
    Map<?, ?> version =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) crd.get("spec")).get("versions")).get(0);
    Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) version.get("schema")).get("openAPIV3Schema");
    return (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("spec");
  }

  static Map<?, ?> specSchema() {
    return SPEC_SCHEMA;
  }
}
