package dev.imps.credentials;

/**
 * Quotes names (registry keys, data keys, source names) for error and status messages so that a
 * hostile or broken input cannot flood or forge a message: control characters become {@code ?} and
 * long names are cut.
 *
 * <p>Only for names. Credential values never go into messages at all, quoted or not.
 */
public final class SafeText {

  /** Longest name, in characters, that {@link #quote(String)} shows before cutting. */
  public static final int MAX_NAME_CHARS = 100;

  private SafeText() {}

  /**
   * Returns the name in single quotes, with control characters replaced and cut after {@value
   * #MAX_NAME_CHARS} characters.
   *
   * @param name the name to show; {@code null} shows as {@code 'null'}
   * @return the quoted, sanitized name
   */
  public static String quote(String name) {
    String text = String.valueOf(name);
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_NAME_CHARS) + 8).append('\'');
    int shown = Math.min(text.length(), MAX_NAME_CHARS);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    if (text.length() > MAX_NAME_CHARS) {
      out.append("...(").append(text.length()).append(" chars)");
    }
    return out.append('\'').toString();
  }
}
