package dev.imps.credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each source's Docker Hub fallback credentials usable in the merged copy.
 *
 * <p>The kubelet uses an {@code index.docker.io} entry (such as {@code
 * https://index.docker.io/v1/}) for a Docker Hub image only when no key of the config matches the
 * image. On its own, a source with such an entry gets it used for {@code nginx}; merged with
 * another source's {@code docker.io} (or {@code *.io}, or {@code docker.io/team}) key, it would be
 * hidden. So when some source's fallback entry meets another source's key that may match Docker Hub
 * images, every fallback entry is also written under a free spelling of {@code docker.io} ({@code
 * docker.io}, {@code https://docker.io}, ...), which the kubelet matches directly. The cost is that
 * the kubelet may then also try a source's Docker Hub credentials for Docker Hub images that source
 * scoped to another of its entries; they are still that source's Docker Hub credentials.
 */
final class DockerHubAliases {

  /** Spellings the kubelet reads as the key {@code docker.io}, in order of preference. */
  static final List<String> SPELLINGS =
      List.of(
          "docker.io",
          "https://docker.io",
          "http://docker.io",
          "docker.io/",
          "https://docker.io/",
          "http://docker.io/",
          "docker.io/v1/",
          "https://docker.io/v1/",
          "http://docker.io/v1/",
          "docker.io/v2/",
          "https://docker.io/v2/",
          "http://docker.io/v2/");

  /** An entry of the merged copy and the source it came from. */
  record Entry(String source, RegistryCredential credential) {}

  private DockerHubAliases() {}

  /**
   * Adds the aliases to the merged entries when needed.
   *
   * @param merged the merged entries by key; aliases are added to it
   * @return per source name, notes on what was added or could not be
   */
  static Map<String, List<String>> addTo(Map<RegistryKey, Entry> merged) {
    List<Entry> fallbacks =
        merged.values().stream()
            .filter(e -> e.credential().registry().isDockerHubFallback())
            .toList();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    Optional<Entry> hiding =
        merged.values().stream()
            .filter(e -> e.credential().registry().mayMatchDockerHub())
            .filter(e -> fallbacks.stream().anyMatch(f -> !f.source().equals(e.source())))
            .findFirst();
    if (hiding.isEmpty()) {
      return notes;
    }
    int next = 0;
    for (Entry fallback : fallbacks) {
      String spelled = fallback.credential().registry().spelled();
      Entry hider =
          merged.values().stream()
              .filter(e -> e.credential().registry().mayMatchDockerHub())
              .filter(e -> !e.source().equals(fallback.source()))
              .findFirst()
              .orElse(hiding.get());
      while (next < SPELLINGS.size() && merged.containsKey(RegistryKey.of(SPELLINGS.get(next)))) {
        next++;
      }
      List<String> sourceNotes = notes.computeIfAbsent(fallback.source(), s -> new ArrayList<>());
      if (next == SPELLINGS.size()) {
        sourceNotes.add(
            "Docker Hub credentials of registry "
                + SafeText.quote(spelled)
                + " may be hidden from the kubelet by registry "
                + SafeText.quote(hider.credential().registry().spelled())
                + " of source "
                + SafeText.quote(hider.source())
                + ": every spelling of docker.io is taken");
        continue;
      }
      RegistryKey alias = RegistryKey.of(SPELLINGS.get(next++));
      merged.put(alias, new Entry(fallback.source(), fallback.credential().underKey(alias)));
      sourceNotes.add(
          "registry "
              + SafeText.quote(spelled)
              + " is also written as "
              + SafeText.quote(alias.spelled())
              + ", so registry "
              + SafeText.quote(hider.credential().registry().spelled())
              + " of source "
              + SafeText.quote(hider.source())
              + " does not hide it from the kubelet for Docker Hub images");
    }
    return notes;
  }
}
