package dev.imps.selector;

import dev.imps.selector.SelectorLexer.Kind;
import dev.imps.selector.SelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recursive-descent parser for the label selector string syntax, following apimachinery's {@code
 * labels.Parse} token by token:
 *
 * <pre>
 * selector    ::= "" | requirement ( "," requirement )*
 * requirement ::= [ "!" ] KEY [ ( "in" | "notin" ) "(" values ")" | ( "=" | "==" | "!=" | "&gt;" | "&lt;" ) [ VALUE ] ]
 * values      ::= VALUE? ( "," VALUE? )*
 * </pre>
 *
 * <p>In value position the keywords {@code in} and {@code notin} are ordinary identifiers. An empty
 * value list {@code ()} and empty list entries mean the empty value, and a missing value after
 * {@code =} means the empty value, as in apimachinery.
 */
final class SelectorParser {

  private final String context;
  private final List<Token> tokens;
  private int next;

  private SelectorParser(String input) {
    this.context = "invalid label selector " + KubernetesNames.quote(input);
    this.tokens = SelectorLexer.tokenize(input, context);
  }

  /** Parses a selector string into its requirements, in input order. */
  static List<Requirement> parse(String input) {
    return new SelectorParser(input).requirements();
  }

  private List<Requirement> requirements() {
    List<Requirement> requirements = new ArrayList<>();
    Token first = lookahead(true);
    if (first.kind() == Kind.END) {
      return requirements;
    }
    if (!startsRequirement(first)) {
      throw error(
          first, "found " + first.describe() + ", expected: !, identifier, or end of string");
    }
    while (true) {
      requirements.add(requirement());
      Token separator = consume(true);
      if (separator.kind() == Kind.END) {
        return requirements;
      }
      if (separator.kind() != Kind.COMMA) {
        throw error(
            separator, "found " + separator.describe() + ", expected: ',' or end of string");
      }
      Token following = lookahead(true);
      if (!startsRequirement(following)) {
        throw error(
            following, "found " + following.describe() + ", expected: identifier after ','");
      }
    }
  }

  private static boolean startsRequirement(Token token) {
    return token.kind() == Kind.IDENTIFIER || token.kind() == Kind.NOT;
  }

  private Requirement requirement() {
    boolean negated = false;
    Token keyToken = consume(true);
    if (keyToken.kind() == Kind.NOT) {
      negated = true;
      keyToken = consume(true);
    }
    if (keyToken.kind() != Kind.IDENTIFIER) {
      throw error(keyToken, "found " + keyToken.describe() + ", expected: identifier");
    }
    String key = keyToken.literal();
    String keyError = KubernetesNames.qualifiedNameError(key);
    if (keyError != null) {
      throw error(keyToken, "key " + KubernetesNames.quote(key) + ": " + keyError);
    }
    Kind after = lookahead(true).kind();
    if (negated) {
      // "!k" takes no operator; whatever follows is reported by the caller as a bad separator.
      return build(keyToken, Operator.DOES_NOT_EXIST, Map.of());
    }
    if (after == Kind.END || after == Kind.COMMA) {
      return build(keyToken, Operator.EXISTS, Map.of());
    }
    Token operatorToken = consume(false);
    Operator operator =
        switch (operatorToken.kind()) {
          case IN -> Operator.IN;
          case NOT_IN -> Operator.NOT_IN;
          case EQUALS -> Operator.EQUALS;
          case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
          case NOT_EQUALS -> Operator.NOT_EQUALS;
          case GREATER -> Operator.GREATER_THAN;
          case LESS -> Operator.LESS_THAN;
          default ->
              throw error(
                  operatorToken,
                  "found "
                      + operatorToken.describe()
                      + " after key "
                      + KubernetesNames.quote(key)
                      + ", expected: in, notin, =, ==, !=, >, <, ',' or end of string");
        };
    Map<String, Integer> values =
        operator == Operator.IN || operator == Operator.NOT_IN ? valueSet() : exactValue();
    return build(keyToken, operator, values);
  }

  /**
   * Builds the requirement and checks its values as label values.
   *
   * @param values each distinct value and the position where it was first written
   */
  private Requirement build(Token keyToken, Operator operator, Map<String, Integer> values) {
    Requirement requirement;
    try {
      requirement = Requirement.of(keyToken.literal(), operator, values.keySet());
    } catch (InvalidSelectorException e) {
      throw error(keyToken.position(), e.getMessage());
    }
    for (Map.Entry<String, Integer> entry : values.entrySet()) {
      String value = entry.getKey();
      String valueError = KubernetesNames.labelValueError(value);
      if (valueError != null) {
        throw error(
            entry.getValue(),
            "key "
                + KubernetesNames.quote(keyToken.literal())
                + ": value "
                + KubernetesNames.quote(value)
                + ": "
                + valueError);
      }
    }
    return requirement;
  }

  /** {@code "(" values ")"}; returns the distinct values, sorted, with their positions. */
  private Map<String, Integer> valueSet() {
    Token open = consume(true);
    if (open.kind() != Kind.OPEN_PAREN) {
      throw error(open, "found " + open.describe() + ", expected: '('");
    }
    Token first = lookahead(true);
    if (first.kind() == Kind.CLOSE_PAREN) {
      consume(true);
      return Map.of("", first.position());
    }
    if (first.kind() != Kind.IDENTIFIER && first.kind() != Kind.COMMA) {
      throw error(first, "found " + first.describe() + ", expected: ',', ')' or identifier");
    }
    TreeMap<String, Integer> values = new TreeMap<>();
    while (true) {
      Token token = consume(true);
      if (token.kind() == Kind.IDENTIFIER) {
        values.putIfAbsent(token.literal(), token.position());
        Token following = lookahead(true);
        if (following.kind() == Kind.CLOSE_PAREN) {
          consume(true);
          return values;
        }
        if (following.kind() != Kind.COMMA) {
          throw error(following, "found " + following.describe() + ", expected: ',' or ')'");
        }
      } else if (token.kind() == Kind.COMMA) {
        // Mirrors apimachinery exactly, quirks included: a leading comma, a trailing comma and a
        // doubled comma each stand for the empty value, and a doubled comma is consumed as a
        // pair (so "(a,,)" is an error there, and here).
        if (values.isEmpty()) {
          values.put("", token.position());
        }
        Token following = lookahead(true);
        if (following.kind() == Kind.CLOSE_PAREN) {
          consume(true);
          values.putIfAbsent("", following.position());
          return values;
        }
        if (following.kind() == Kind.COMMA) {
          consume(true);
          values.putIfAbsent("", following.position());
        }
      } else {
        throw error(token, "found " + token.describe() + ", expected: ',' or identifier");
      }
    }
  }

  /** The single value after {@code = == != > <}; nothing before ',' or the end means empty. */
  private Map<String, Integer> exactValue() {
    Token token = lookahead(true);
    if (token.kind() == Kind.END || token.kind() == Kind.COMMA) {
      return Map.of("", token.position());
    }
    consume(true);
    if (token.kind() != Kind.IDENTIFIER) {
      throw error(token, "found " + token.describe() + ", expected: identifier");
    }
    return Map.of(token.literal(), token.position());
  }

  /**
   * Returns the next token without consuming it; in value position ({@code asValue}) the keywords
   * are identifiers.
   */
  private Token lookahead(boolean asValue) {
    return asValue(tokens.get(next), asValue);
  }

  private Token consume(boolean asValue) {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return asValue(token, asValue);
  }

  private static Token asValue(Token token, boolean asValue) {
    if (asValue && (token.kind() == Kind.IN || token.kind() == Kind.NOT_IN)) {
      return new Token(Kind.IDENTIFIER, token.literal(), token.position());
    }
    return token;
  }

  private InvalidSelectorException error(Token at, String problem) {
    return error(at.position(), problem);
  }

  private InvalidSelectorException error(int position, String problem) {
    return new InvalidSelectorException(
        context + ": position " + position + ": " + problem, position);
  }
}
