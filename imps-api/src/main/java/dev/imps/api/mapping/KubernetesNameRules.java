package dev.imps.api.mapping;

import java.util.regex.Pattern;

/**
 * The object name rules of Kubernetes that the CRD schema also states as patterns, and quoting of
 * user input for messages.
 */
final class KubernetesNameRules {

  /** Longest DNS-1123 label: namespace names. */
  static final int MAX_LABEL_LENGTH = 63;

  /** Longest DNS-1123 subdomain: secret and service account names. */
  static final int MAX_SUBDOMAIN_LENGTH = 253;

  /** Longest piece of user input quoted verbatim in a message. */
  private static final int MAX_QUOTED_LENGTH = 100;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private KubernetesNameRules() {}

  /** Returns {@code null} if {@code name} is a DNS-1123 label, else what is wrong. */
  static String labelError(String name) {
    if (name.length() > MAX_LABEL_LENGTH) {
      return quote(name) + " is longer than " + MAX_LABEL_LENGTH + " characters";
    }
    return LABEL.matcher(name).matches()
        ? null
        : quote(name)
            + " is not a DNS-1123 label (lower case letters, digits and '-', starting and ending"
            + " with a letter or digit)";
  }

  /** Returns {@code null} if {@code name} is a DNS-1123 subdomain, else what is wrong. */
  static String subdomainError(String name) {
    if (name.length() > MAX_SUBDOMAIN_LENGTH) {
      return quote(name) + " is longer than " + MAX_SUBDOMAIN_LENGTH + " characters";
    }
    return SUBDOMAIN.matcher(name).matches()
        ? null
        : quote(name)
            + " is not a DNS-1123 subdomain (lower case letters, digits, '-' and '.', starting and"
            + " ending with a letter or digit)";
  }

  /** Quotes user input, shortening it if very long. */
  static String quote(String input) {
    String shown =
        input.length() <= MAX_QUOTED_LENGTH
            ? input
            : input.substring(0, MAX_QUOTED_LENGTH) + "...(" + input.length() + " characters)";
    return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
