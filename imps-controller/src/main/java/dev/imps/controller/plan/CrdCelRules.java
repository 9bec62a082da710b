package dev.imps.controller.plan;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CEL rules ({@code x-kubernetes-validations}) of a CRD schema, compiled once with cel-java and
 * evaluated as the API server does on create: {@code self} is the value of the schema node, the
 * error is reported at the node's path plus the rule's {@code fieldPath}, with the rule's {@code
 * message} (or {@code failed rule: <rule>}).
 *
 * <p>The rules are compiled with CEL's standard library and macros ({@code has}, {@code all},
 * {@code exists}, ...) and {@code self} as {@code dyn}. Kubernetes' extension libraries and
 * transition rules ({@code oldSelf}, {@code messageExpression}) are not available: a CRD that uses
 * them fails to load here, so the gap shows in this build's tests and never as a wrong verdict.
 * Thread-safe after construction.
 */
final class CrdCelRules {

  private static final Set<String> RULE_KEYS = Set.of("rule", "message", "fieldPath", "reason");

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();

  private final Map<Map<?, ?>, List<Rule>> bySchema;

  private CrdCelRules(Map<Map<?, ?>, List<Rule>> bySchema) {
    this.bySchema = bySchema;
  }

  /**
   * Compiles every rule of a schema and its children.
   *
   * @param schema an OpenAPI v3 schema as YAML maps
   * @return the rules, by schema node
   * @throws IllegalStateException if a rule does not compile or uses what this class lacks
   */
  static CrdCelRules of(Map<?, ?> schema) {
    Map<Map<?, ?>, List<Rule>> bySchema = new IdentityHashMap<>();
    collect(schema, bySchema);
    return new CrdCelRules(bySchema);
  }

  /**
   * Evaluates the rules of one schema node.
   *
   * @param schema the node, one of those given to {@link #of}
   * @param value its value (YAML maps, lists and scalars)
   * @return the rules that failed, in CRD order
   */
  List<Failure> evaluate(Map<?, ?> schema, Object value) {
    List<Rule> rules = bySchema.getOrDefault(schema, List.of());
    if (rules.isEmpty()) {
      return List.of();
    }
    Map<String, Object> variables = Map.of("self", celValue(value));
    List<Failure> failures = new ArrayList<>();
    for (Rule rule : rules) {
      try {
        if (!Boolean.TRUE.equals(rule.program().eval(variables))) {
          failures.add(new Failure(rule.fieldPath(), rule.message()));
        }
      } catch (CelEvaluationException e) {
        // As the API server: a rule that cannot be evaluated rejects the object.
        failures.add(
            new Failure(rule.fieldPath(), e.getMessage() + " evaluating rule: " + rule.source()));
      }
    }
    return failures;
  }

  /**
   * Counts the rules.
   *
   * @return how many rules the schema has
   */
  int size() {
    return bySchema.values().stream().mapToInt(List::size).sum();
  }

  /**
   * A failed rule.
   *
   * @param fieldPath the rule's {@code fieldPath}, e.g. {@code .values}, or {@code ""}
   * @param message the rule's message
   */
  record Failure(String fieldPath, String message) {}

  private record Rule(String source, String message, String fieldPath, CelRuntime.Program program) {

    Rule {
      Objects.requireNonNull(program, "program");
    }
  }

  private static void collect(Map<?, ?> schema, Map<Map<?, ?>, List<Rule>> into) {
    if (schema.get("x-kubernetes-validations") instanceof List<?> rules) {
      List<Rule> compiled = new ArrayList<>();
      for (Object entry : rules) {
        compiled.add(compile((Map<?, ?>) entry));
      }
      into.put(schema, List.copyOf(compiled));
    }
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.values().forEach(child -> collect((Map<?, ?>) child, into));
    }
    if (schema.get("additionalProperties") instanceof Map<?, ?> child) {
      collect(child, into);
    }
    if (schema.get("items") instanceof Map<?, ?> child) {
      collect(child, into);
    }
  }

  private static Rule compile(Map<?, ?> entry) {
    for (Object key : entry.keySet()) {
      if (!RULE_KEYS.contains(String.valueOf(key))) {
        throw new IllegalStateException("CEL rule field " + key + " is not supported offline");
      }
    }
    String source = String.valueOf(entry.get("rule"));
    try {
      CelRuntime.Program program = CEL.createProgram(CEL.compile(source).getAst());
      Object message = entry.get("message");
      Object fieldPath = entry.get("fieldPath");
      return new Rule(
          source,
          message == null ? "failed rule: " + source : String.valueOf(message),
          fieldPath == null ? "" : String.valueOf(fieldPath),
          program);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule does not compile: " + source, e);
    }
  }

  /** YAML values as CEL sees JSON: int64 numbers, string keys, null fields pruned. */
  private static Object celValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      map.forEach(
          (key, field) -> {
            if (field != null) {
              object.put(String.valueOf(key), celValue(field));
            }
          });
      return object;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CrdCelRules::celValue).toList();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValue();
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    return value;
  }
}
