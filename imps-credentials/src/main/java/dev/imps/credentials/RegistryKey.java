package dev.imps.credentials;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registry key of a docker config, exactly as a source spelled it, with the kubelet's reading of
 * it.
 *
 * <p>Two keys are equal only when they are the very same string: the kubelet keeps every entry and
 * tries every one whose key matches an image, so {@code docker.io} and {@code
 * https://index.docker.io/v1/}, or {@code registry.example.com/team-a} and {@code
 * registry.example.com/team-b}, are different useful entries.
 *
 * <p>The kubelet ({@code k8s.io/kubernetes/pkg/credentialprovider}, {@code BasicDockerKeyring.Add})
 * reads a key by dropping an {@code https://} or {@code http://} scheme, then a leading {@code /v1}
 * or {@code /v2} of the path; what remains, {@code host[:port][/path]}, is the {@link
 * #kubeletKey()}. Its host may hold globs ({@code *.example.com}), matched label by label. {@code
 * index.docker.io} (for example from {@code https://index.docker.io/v1/}) is also the Docker Hub
 * fallback: the kubelet uses it for Docker Hub images only when no key matches them.
 */
public final class RegistryKey {

  /** The kubelet key of the Docker Hub fallback entry ({@code defaultRegistryHost}). */
  public static final String DOCKER_HUB_FALLBACK = "index.docker.io";

  private static final String LABEL = "[a-z0-9*?](?:[a-z0-9*?-]{0,61}[a-z0-9*?])?";
  private static final Pattern HOST =
      Pattern.compile(
          "(?:localhost|"
              + LABEL
              + "(?:\\."
              + LABEL
              + ")+|[a-z0-9-]*[*?][a-z0-9*?-]*|"
              + LABEL
              + "(?=:)|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?");

  private final String spelled;
  private final String kubeletKey;

  private RegistryKey(String spelled, String kubeletKey) {
    this.spelled = spelled;
    this.kubeletKey = kubeletKey;
  }

  /**
   * Parses a registry key.
   *
   * @param spelled the key as written in a docker config
   * @return the key
   * @throws IllegalArgumentException if it names no host (for example {@code ""} or {@code
   *     "https://"})
   */
  public static RegistryKey of(String spelled) {
    Objects.requireNonNull(spelled, "registry key must not be null");
    String kubeletKey = kubeletKeyOf(spelled);
    if (hostOf(kubeletKey).isBlank()) {
      throw new IllegalArgumentException(
          "registry key " + SafeText.quote(spelled) + " names no registry host");
    }
    return new RegistryKey(spelled, kubeletKey);
  }

  /**
   * Returns the kubelet's reading of a key, without validating it.
   *
   * @param key a registry key as written
   * @return {@code host[:port][/path]}: scheme, a leading {@code /v1} or {@code /v2} and a lone
   *     {@code /} removed; empty host when there is none
   */
  public static String kubeletKeyOf(String key) {
    String rest = key;
    if (rest.startsWith("https://")) {
      rest = rest.substring("https://".length());
    } else if (rest.startsWith("http://")) {
      rest = rest.substring("http://".length());
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return rest;
    }
    String host = rest.substring(0, slash);
    String path = rest.substring(slash);
    if (path.startsWith("/v1/") || path.startsWith("/v2/")) {
      path = path.substring(3);
    }
    return path.equals("/") ? host : host + path;
  }

  private static String hostOf(String kubeletKey) {
    int slash = kubeletKey.indexOf('/');
    return slash < 0 ? kubeletKey : kubeletKey.substring(0, slash);
  }

  /**
   * Tells whether the key's host can be a registry the kubelet pulls from: dotted DNS labels,
   * {@code localhost}, a single label with a port, or a bracketed IPv6 address, each with an
   * optional port; labels may hold the globs {@code *} and {@code ?} the kubelet matches. Other
   * keys (a single label such as {@code myregistry} is a Docker Hub path, not a host) never match
   * an image, so parsers ignore them; and since such a key may be a misplaced credential, it is
   * never quoted in a message.
   *
   * @return true for keys like {@code ghcr.io}, {@code registry.local:5000/team}, {@code
   *     *.example.com}
   */
  public boolean looksLikeHost() {
    return HOST.matcher(hostOf(kubeletKey).toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * Tells whether this is a Docker Hub fallback entry, which the kubelet uses for Docker Hub images
   * only when no key of the config matches them.
   *
   * @return true when the {@link #kubeletKey()} is {@value #DOCKER_HUB_FALLBACK}
   */
  public boolean isDockerHubFallback() {
    return kubeletKey.equals(DOCKER_HUB_FALLBACK);
  }

  /**
   * Tells whether the kubelet may match this key to some Docker Hub image ({@code
   * docker.io/<path>}): its host matches {@code docker.io} label by label, without a port. Such a
   * key hides the {@linkplain #isDockerHubFallback() fallback} for the images it matches. Glob
   * classes ({@code [..]}) are assumed to match.
   *
   * @return true for {@code docker.io}, {@code https://docker.io/v1/}, {@code *.io}, {@code
   *     docker.io/team}
   */
  public boolean mayMatchDockerHub() {
    String host = hostOf(kubeletKey);
    if (host.contains(":")) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    String[] hub = {"docker", "io"};
    if (labels.length != hub.length) {
      return false;
    }
    for (int i = 0; i < hub.length; i++) {
      if (!globMatches(labels[i], hub[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean globMatches(String glob, String text) {
    if (glob.contains("[") || glob.contains("\\")) {
      return true;
    }
    String regex = Pattern.quote(glob).replace("*", "\\E[^.]*\\Q").replace("?", "\\E[^.]\\Q");
    return text.matches(regex);
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
   * Returns the kubelet's reading of the key.
   *
   * @return {@code host[:port][/path]}, see {@link #kubeletKeyOf(String)}
   */
  public String kubeletKey() {
    return kubeletKey;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegistryKey && spelled.equals(((RegistryKey) other).spelled);
  }

  @Override
  public int hashCode() {
    return spelled.hashCode();
  }

  @Override
  public String toString() {
    return spelled;
  }
}
