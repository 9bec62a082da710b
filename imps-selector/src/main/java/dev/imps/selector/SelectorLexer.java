package dev.imps.selector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a label selector string into tokens, like the lexer of apimachinery's {@code
 * labels.Parse}: the special symbols {@code = == != ! ( ) , > <}, the keywords {@code in} and
 * {@code notin}, and identifiers (every other run of characters that are neither special nor
 * whitespace). Whitespace is space, tab, CR and LF.
 */
final class SelectorLexer {

  /** Kinds of token. */
  enum Kind {
    END,
    OPEN_PAREN,
    CLOSE_PAREN,
    COMMA,
    NOT,
    EQUALS,
    DOUBLE_EQUALS,
    NOT_EQUALS,
    GREATER,
    LESS,
    IN,
    NOT_IN,
    IDENTIFIER
  }

  /** One token and the offset of its first character in the input. */
  record Token(Kind kind, String literal, int position) {

    /** Describes the token for an error message. */
    String describe() {
      return kind == Kind.END ? "end of string" : "'" + literal + "'";
    }
  }

  private SelectorLexer() {}

  /**
   * Tokenizes the whole input; the last token is always {@link Kind#END}.
   *
   * @throws InvalidSelectorException for a NUL character, which apimachinery's lexer silently
   *     treats as the end of input
   */
  static List<Token> tokenize(String input, String context) {
    List<Token> tokens = new ArrayList<>();
    int length = input.length();
    int pos = 0;
    while (true) {
      while (pos < length && isWhitespace(input.charAt(pos))) {
        pos++;
      }
      if (pos >= length) {
        tokens.add(new Token(Kind.END, "", length));
        return tokens;
      }
      char c = input.charAt(pos);
      if (c == '\0') {
        throw new InvalidSelectorException(
            context + ": position " + pos + ": NUL character is not allowed", pos);
      }
      if (isSpecial(c)) {
        Token token = special(input, pos);
        tokens.add(token);
        pos += token.literal().length();
        continue;
      }
      int start = pos;
      while (pos < length) {
        char d = input.charAt(pos);
        if (isSpecial(d) || isWhitespace(d) || d == '\0') {
          break;
        }
        pos++;
      }
      String literal = input.substring(start, pos);
      Kind kind =
          switch (literal) {
            case "in" -> Kind.IN;
            case "notin" -> Kind.NOT_IN;
            default -> Kind.IDENTIFIER;
          };
      tokens.add(new Token(kind, literal, start));
    }
  }

  /**
   * The longest special-symbol token at {@code pos}: two characters for {@code ==} and {@code !=}.
   */
  private static Token special(String input, int pos) {
    char c = input.charAt(pos);
    boolean nextIsEquals = pos + 1 < input.length() && input.charAt(pos + 1) == '=';
    if (c == '=' && nextIsEquals) {
      return new Token(Kind.DOUBLE_EQUALS, "==", pos);
    }
    if (c == '!' && nextIsEquals) {
      return new Token(Kind.NOT_EQUALS, "!=", pos);
    }
    Kind kind =
        switch (c) {
          case '=' -> Kind.EQUALS;
          case '!' -> Kind.NOT;
          case '(' -> Kind.OPEN_PAREN;
          case ')' -> Kind.CLOSE_PAREN;
          case ',' -> Kind.COMMA;
          case '>' -> Kind.GREATER;
          case '<' -> Kind.LESS;
          default -> throw new IllegalStateException("not a special symbol: " + c);
        };
    return new Token(kind, String.valueOf(c), pos);
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isSpecial(char c) {
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
  }
}
