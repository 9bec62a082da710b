package dev.imps.selector;

import static dev.imps.selector.SelectorConstants.MAX_LABEL_VALUE_LENGTH;
import static dev.imps.selector.SelectorConstants.MAX_NAME_LENGTH;
import static dev.imps.selector.SelectorConstants.MAX_PREFIX_LENGTH;
import static dev.imps.selector.SelectorConstants.MAX_QUOTED_LENGTH;

/**
 * Kubernetes' syntax rules for qualified names (label and annotation keys) and label values, as in
 * apimachinery's {@code validation.IsQualifiedName} and {@code IsValidLabelValue}.
 *
 * <p>Written as character loops rather than regular expressions: the rules are simple and this runs
 * for every key of every selector an operator builds.
 */
final class KubernetesNames {

  private KubernetesNames() {}

  /**
   * Checks a qualified name: an optional DNS-1123 subdomain prefix of at most 253 characters and a
   * {@code /}, then a name of at most 63 characters of {@code [A-Za-z0-9-_.]} with alphanumeric
   * ends.
   *
   * @return {@code null} if valid, else what is wrong
   */
  static String qualifiedNameError(String key) {
    int slash = key.indexOf('/');
    String name = key;
    if (slash >= 0) {
      if (key.indexOf('/', slash + 1) >= 0) {
        return "a qualified name must be an optional DNS subdomain prefix and '/' followed by a"
            + " name (e.g. 'example.com/MyName'), not contain more than one '/'";
      }
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      String prefixError = dnsSubdomainError(prefix);
      if (prefixError != null) {
        return "prefix part " + prefixError;
      }
    }
    if (name.isEmpty()) {
      return "name part must be non-empty";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "name part must be no more than " + MAX_NAME_LENGTH + " characters";
    }
    if (!isAlphanumericBounded(name, true)) {
      return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
          + " and end with an alphanumeric character";
    }
    return null;
  }

  /**
   * Checks a label value: empty, or at most 63 characters of {@code [A-Za-z0-9-_.]} with
   * alphanumeric ends.
   *
   * @return {@code null} if valid, else what is wrong
   */
  static String labelValueError(String value) {
    if (value.length() > MAX_LABEL_VALUE_LENGTH) {
      return "must be no more than " + MAX_LABEL_VALUE_LENGTH + " characters";
    }
    if (!value.isEmpty() && !isAlphanumericBounded(value, true)) {
      return "a valid label value must be an empty string or consist of alphanumeric characters,"
          + " '-', '_' or '.', and must start and end with an alphanumeric character";
    }
    return null;
  }

  /** Whether {@code value} is a non-empty label value, so it can be printed without quotes. */
  static boolean isPlainLabelValue(String value) {
    return !value.isEmpty() && labelValueError(value) == null;
  }

  private static String dnsSubdomainError(String prefix) {
    if (prefix.isEmpty()) {
      return "must be non-empty";
    }
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      return "must be no more than " + MAX_PREFIX_LENGTH + " characters";
    }
    for (String label : prefix.split("\\.", -1)) {
      if (label.isEmpty() || !isAlphanumericBounded(label, false)) {
        return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
            + " characters, '-' or '.', and must start and end with an alphanumeric character";
      }
    }
    return null;
  }

  /**
   * Whether {@code s} is non-empty, starts and ends alphanumeric and has only alphanumerics and
   * {@code -} inside, plus {@code _} and {@code .} when {@code qualified}; upper case only when
   * {@code qualified}.
   */
  private static boolean isAlphanumericBounded(String s, boolean qualified) {
    int last = s.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = s.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (qualified && c >= 'A' && c <= 'Z');
      if (alphanumeric) {
        continue;
      }
      boolean inner = i > 0 && i < last;
      boolean allowedInside = c == '-' || (qualified && (c == '_' || c == '.'));
      if (!inner || !allowedInside) {
        return false;
      }
    }
    return last >= 0;
  }

  /** Quotes user input for an exception message, shortening it if very long. */
  static String quote(String input) {
    String shown =
        input.length() <= MAX_QUOTED_LENGTH
            ? input
            : input.substring(0, MAX_QUOTED_LENGTH) + "...(" + input.length() + " characters)";
    return '"' + shown + '"';
  }
}
