package dev.imps.credentials;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registry key of a docker config as one source spelled it, with the normalized form used to tell
 * whether two keys name the same registry.
 *
 * <p>Normalizing lower-cases the key and strips surrounding whitespace, the scheme ({@code
 * https://}), any path and the trailing slash; the Docker Hub aliases {@code index.docker.io},
 * {@code registry-1.docker.io} and {@code docker.io} all become {@code docker.io}. So {@code
 * https://index.docker.io/v1/} and {@code docker.io} are one registry. Equality and hash code use
 * the normalized form only; the spelling is what gets written out.
 */
public final class RegistryKey {

  /** The normalized name of Docker Hub. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  private static final Pattern HOST =
      Pattern.compile(
          "(?:localhost|"
              + LABEL
              + "(?:\\."
              + LABEL
              + ")+|"
              + LABEL
              + "(?=:)|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?");

  private static final Set<String> DOCKER_HUB_ALIASES =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  private final String spelled;
  private final String normalized;

  private RegistryKey(String spelled, String normalized) {
    this.spelled = spelled;
    this.normalized = normalized;
  }

  /**
   * Parses a registry key.
   *
   * @param spelled the key as written in a docker config
   * @return the key
   * @throws IllegalArgumentException if no host is left after normalizing (for example {@code ""}
   *     or {@code "https://"})
   */
  public static RegistryKey of(String spelled) {
    Objects.requireNonNull(spelled, "registry key must not be null");
    String normalized = normalize(spelled);
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException(
          "registry key " + SafeText.quote(spelled) + " names no registry host");
    }
    return new RegistryKey(spelled, normalized);
  }

  /**
   * Returns the normalized form of a key, without validating it.
   *
   * @param key a registry key as written
   * @return the normalized form; empty when no host is left
   */
  public static String normalize(String key) {
    String host = key.strip().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return DOCKER_HUB_ALIASES.contains(host) ? DOCKER_HUB : host;
  }

  /**
   * Tells whether the normalized key is a host name a registry can have: dotted DNS labels, {@code
   * localhost}, a single label with a port, or a bracketed IPv6 address, each with an optional
   * port. Docker never sends credentials for other keys (a single label such as {@code myregistry}
   * is a Docker Hub path, not a host), so parsers ignore them; and since such a key may be a
   * misplaced credential, it is never quoted in a message.
   *
   * @return true for keys like {@code ghcr.io}, {@code registry.local:5000}, {@code localhost}
   */
  public boolean looksLikeHost() {
    return HOST.matcher(normalized).matches();
  }

  /**
   * Returns the key as the source spelled it.
   *
   * @return the spelling, unchanged
   */
  public String spelled() {
    return spelled;
  }

  /**
   * Returns the normalized form.
   *
   * @return the registry host (with port, if any), lower case
   */
  public String normalized() {
    return normalized;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegistryKey && normalized.equals(((RegistryKey) other).normalized);
  }

  @Override
  public int hashCode() {
    return normalized.hashCode();
  }

  @Override
  public String toString() {
    return spelled;
  }
}
