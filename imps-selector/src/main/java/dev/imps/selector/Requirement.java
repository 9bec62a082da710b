package dev.imps.selector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One condition on one key: a key, an {@link Operator} and the operator's values, like
 * apimachinery's {@code labels.Requirement}.
 *
 * <p>{@link #of} checks what holds for labels and annotations alike: the key is a qualified name,
 * {@code In}/{@code NotIn} have at least one value, {@code Exists}/{@code DoesNotExist} have none,
 * the equality operators and {@code Gt}/{@code Lt} have exactly one, and {@code Gt}/{@code Lt} an
 * integer. Whether values must be valid <em>label</em> values depends on where the requirement is
 * used, so {@link LabelSelector#of} checks that and {@link AnnotationSelector#of} does not.
 *
 * <p>Values form a set: duplicates are dropped and {@link #values()} is sorted. Two requirements
 * are equal when they mean the same: {@code k=v}, {@code k==v} and {@code k in (v)} are equal, and
 * so are {@code k!=v} and {@code k notin (v)}. Instances are immutable and thread-safe.
 */
public final class Requirement {

  /** Above this many values, membership is looked up in a hash set instead of scanned. */
  private static final int LINEAR_SCAN_LIMIT = 8;

  private final String key;
  private final Operator operator;
  private final List<String> values;
  private final String[] valueArray;
  private final Set<String> valueSet;
  private final long bound;

  private Requirement(String key, Operator operator, List<String> values, long bound) {
    this.key = key;
    this.operator = operator;
    this.values = values;
    this.valueArray = values.toArray(new String[0]);
    this.valueSet = values.size() > LINEAR_SCAN_LIMIT ? Set.copyOf(values) : null;
    this.bound = bound;
  }

  /**
   * Creates a requirement.
   *
   * @param key a qualified name, e.g. {@code app} or {@code example.com/tier}
   * @param operator how the key relates to the values
   * @param values the values; none for {@code Exists}/{@code DoesNotExist}
   * @return the requirement
   * @throws InvalidSelectorException if the key is not a qualified name or the number of values
   *     does not suit the operator
   * @throws NullPointerException if an argument or a value is {@code null}
   */
  public static Requirement of(String key, Operator operator, String... values) {
    Objects.requireNonNull(values, "values");
    return of(key, operator, Arrays.asList(values));
  }

  /**
   * Creates a requirement from a list of values, as found in a {@code matchExpressions} entry.
   *
   * @param key a qualified name, e.g. {@code app} or {@code example.com/tier}
   * @param operator how the key relates to the values
   * @param values the values; empty or {@code null} for none
   * @return the requirement
   * @throws InvalidSelectorException if the key is not a qualified name or the number of values
   *     does not suit the operator
   * @throws NullPointerException if the key, the operator or a value is {@code null}
   */
  public static Requirement of(String key, Operator operator, Collection<String> values) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    Collection<String> given = values == null ? List.of() : values;
    String keyError = KubernetesNames.qualifiedNameError(key);
    if (keyError != null) {
      throw new InvalidSelectorException("key " + KubernetesNames.quote(key) + ": " + keyError);
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String value : given) {
      sorted.add(Objects.requireNonNull(value, () -> "value of key \"" + key + "\" is null"));
    }
    String countError = countError(operator, given.size());
    if (countError != null) {
      throw new InvalidSelectorException(
          "key "
              + KubernetesNames.quote(key)
              + ", operator "
              + operator.apiName()
              + ": "
              + countError);
    }
    long bound = 0;
    if (operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN) {
      String value = sorted.first();
      Long parsed = Integers.parse(value);
      if (parsed == null) {
        throw new InvalidSelectorException(
            "key "
                + KubernetesNames.quote(key)
                + ", operator "
                + operator.apiName()
                + ": value "
                + KubernetesNames.quote(value)
                + " must be an integer");
      }
      bound = parsed;
    }
    return new Requirement(
        key, operator, Collections.unmodifiableList(new ArrayList<>(sorted)), bound);
  }

  private static String countError(Operator operator, int count) {
    return switch (operator) {
      case IN, NOT_IN -> count == 0 ? "values must not be empty for 'In' and 'NotIn'" : null;
      case EXISTS, DOES_NOT_EXIST ->
          count != 0 ? "values must be empty for 'Exists' and 'DoesNotExist'" : null;
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS ->
          count != 1 ? "exact-match operators require exactly one value" : null;
      case GREATER_THAN, LESS_THAN -> count != 1 ? "'Gt' and 'Lt' require exactly one value" : null;
    };
  }

  /**
   * Returns the key.
   *
   * @return the qualified name this requirement is about
   */
  public String key() {
    return key;
  }

  /**
   * Returns the operator, as written (so {@code k=v} gives {@link Operator#EQUALS}).
   *
   * @return the operator
   */
  public Operator operator() {
    return operator;
  }

  /**
   * Returns the values, sorted and without duplicates.
   *
   * @return an unmodifiable list, empty for {@code Exists}/{@code DoesNotExist}
   */
  public List<String> values() {
    return values;
  }

  /**
   * Tells whether a set of labels or annotations satisfies this requirement, exactly as
   * apimachinery: for an absent key, {@code In}, {@code =}, {@code ==}, {@code Exists}, {@code Gt}
   * and {@code Lt} do not match, while {@code NotIn}, {@code !=} and {@code DoesNotExist} do. A key
   * mapped to {@code null} counts as absent. {@code Gt}/{@code Lt} do not match a value that is not
   * an integer.
   *
   * @param labels the labels (or annotations); {@code null} means none
   * @return whether the requirement holds
   */
  public boolean matches(Map<String, String> labels) {
    String value = labels == null ? null : labels.get(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> value != null && hasValue(value);
      case NOT_IN, NOT_EQUALS -> value == null || !hasValue(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      case GREATER_THAN -> value != null && Integers.isGreater(value, bound);
      case LESS_THAN -> value != null && Integers.isLess(value, bound);
    };
  }

  private boolean hasValue(String value) {
    if (valueSet != null) {
      return valueSet.contains(value);
    }
    for (String candidate : valueArray) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Orders requirements by key, then meaning, so that equal selectors list equal requirements in
   * the same order.
   */
  static int compare(Requirement a, Requirement b) {
    int byKey = a.key.compareTo(b.key);
    if (byKey != 0) {
      return byKey;
    }
    int byOperator = a.operator.canonical().compareTo(b.operator.canonical());
    if (byOperator != 0) {
      return byOperator;
    }
    return Arrays.compare(a.valueArray, b.valueArray);
  }

  /**
   * Two requirements are equal when they have the same key, the same values and operators of the
   * same meaning ({@code =}, {@code ==} and {@code in}; {@code !=} and {@code notin}).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Requirement that
        && key.equals(that.key)
        && operator.canonical() == that.operator.canonical()
        && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, operator.canonical(), values);
  }

  /**
   * Returns the requirement in apimachinery's string syntax: {@code k in (a,b)}, {@code k notin
   * (a)}, {@code k}, {@code !k}, {@code k=v}, {@code k==v}, {@code k!=v}, {@code k>1}, {@code k<1},
   * with values sorted. For label values this is what {@link LabelSelector#parse} reads back.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(key.length() + 16);
    appendTo(out, false);
    return out.toString();
  }

  /**
   * Appends this requirement in selector syntax; with {@code quoteOddValues}, values that are not
   * plain label values are quoted (for annotation selectors, whose values may hold anything).
   */
  void appendTo(StringBuilder out, boolean quoteOddValues) {
    switch (operator) {
      case EXISTS -> out.append(key);
      case DOES_NOT_EXIST -> out.append('!').append(key);
      case IN, NOT_IN -> {
        out.append(key).append(operator == Operator.IN ? " in (" : " notin (");
        for (int i = 0; i < valueArray.length; i++) {
          if (i > 0) {
            out.append(',');
          }
          appendValue(out, valueArray[i], quoteOddValues);
        }
        out.append(')');
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN -> {
        out.append(key).append(symbol(operator));
        appendValue(out, valueArray[0], quoteOddValues);
      }
    }
  }

  private static String symbol(Operator operator) {
    return switch (operator) {
      case EQUALS -> "=";
      case DOUBLE_EQUALS -> "==";
      case NOT_EQUALS -> "!=";
      case GREATER_THAN -> ">";
      case LESS_THAN -> "<";
      default -> throw new IllegalStateException("no symbol for " + operator);
    };
  }

  private static void appendValue(StringBuilder out, String value, boolean quoteOddValues) {
    if (!quoteOddValues || KubernetesNames.isPlainLabelValue(value)) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    out.append('"');
  }
}
