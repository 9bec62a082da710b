package dev.imps.selector;

/**
 * Reads base-10 64-bit integers the way Go's {@code strconv.ParseInt(s, 10, 64)} does, without
 * throwing or boxing on the matching path, so that {@code Gt}/{@code Lt} can be matched against
 * arbitrary label values cheaply.
 */
final class Integers {

  private Integers() {}

  /**
   * Parses an optional sign followed by decimal digits.
   *
   * @return the value, or {@code null} if {@code s} is not an integer or out of range
   */
  static Long parse(String s) {
    return isInteger(s) ? parseValid(s) : null;
  }

  /** Whether {@code s} is an integer greater than {@code bound}. */
  static boolean isGreater(String s, long bound) {
    return isInteger(s) && parseValid(s) > bound;
  }

  /** Whether {@code s} is an integer less than {@code bound}. */
  static boolean isLess(String s, long bound) {
    return isInteger(s) && parseValid(s) < bound;
  }

  /** Whether {@code s} is an optional sign and decimal digits whose value fits in a long. */
  static boolean isInteger(String s) {
    int length = s.length();
    int start = length > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (length == start) {
      return false;
    }
    // Accumulate negatively so that Long.MIN_VALUE is representable.
    long result = 0;
    for (int i = start; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int digit = c - '0';
      if (result < (Long.MIN_VALUE + digit) / 10) {
        return false;
      }
      result = result * 10 - digit;
    }
    return s.charAt(0) == '-' || result != Long.MIN_VALUE;
  }

  /** Parses a string for which {@link #isInteger} holds. */
  private static long parseValid(String s) {
    return Long.parseLong(s);
  }
}
