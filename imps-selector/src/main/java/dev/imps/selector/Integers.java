package dev.imps.selector;

/**
 * Reads base-10 64-bit integers the way Go's {@code strconv.ParseInt(s, 10, 64)} does, without
 * throwing, so that {@code Gt}/{@code Lt} can be matched against arbitrary label values cheaply.
 */
final class Integers {

  private Integers() {}

  /**
   * Parses an optional sign followed by decimal digits.
   *
   * @return the value, or {@code null} if {@code s} is not an integer or out of range
   */
  static Long parse(String s) {
    int length = s.length();
    if (length == 0) {
      return null;
    }
    int i = 0;
    boolean negative = false;
    char first = s.charAt(0);
    if (first == '+' || first == '-') {
      negative = first == '-';
      i = 1;
      if (length == 1) {
        return null;
      }
    }
    // Accumulate negatively so that Long.MIN_VALUE is representable.
    long result = 0;
    for (; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      int digit = c - '0';
      if (result < (Long.MIN_VALUE + digit) / 10) {
        return null;
      }
      result = result * 10 - digit;
    }
    if (!negative) {
      if (result == Long.MIN_VALUE) {
        return null;
      }
      result = -result;
    }
    return result;
  }

  /** Whether {@code s} is an integer greater than {@code bound}. */
  static boolean isGreater(String s, long bound) {
    Long value = parse(s);
    return value != null && value > bound;
  }

  /** Whether {@code s} is an integer less than {@code bound}. */
  static boolean isLess(String s, long bound) {
    Long value = parse(s);
    return value != null && value < bound;
  }
}
