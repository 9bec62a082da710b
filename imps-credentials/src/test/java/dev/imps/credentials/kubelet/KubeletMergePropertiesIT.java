package dev.imps.credentials.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.kubelet.KeyringOracle.Answer;
import dev.imps.credentials.kubelet.KeyringOracle.Case;
import dev.imps.credentials.kubelet.KeyringOracle.Credential;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The merged copy against the kubelet itself: for generated sources and image references, the
 * kubelet (via {@link KeyringOracle}) must try from the copy every credential it would try from
 * some source alone, and nothing else.
 *
 * <p>Precisely, for every image, with {@code s'} a source without its entries that have no
 * credentials and without the key strings an earlier source already gave (those are shadowed):
 *
 * <ul>
 *   <li>every non-empty credential the kubelet tries for the image from some {@code s'} alone, it
 *       also tries from the copy; except that Docker Hub credentials a source gives (its {@code
 *       index.docker.io} entries, which the kubelet falls back to when no key matches) are only
 *       promised for Docker Hub images, not for {@code localhost/...} images the kubelet also sends
 *       them to;
 *   <li>every non-empty credential it tries from the copy, it tries from some {@code s'} alone, or
 *       it is a source's Docker Hub credential and the image is a Docker Hub image.
 * </ul>
 *
 * <p>A failure names the jqwik seed, the sources, the copy and each image's difference.
 */
class KubeletMergePropertiesIT {

  /** A lookup no key of the generated configs can match, so it answers the Docker Hub fallback. */
  private static final String FALLBACK_PROBE = "imps-fallback-probe";

  private static final List<String> SCHEMES = List.of("", "", "https://", "http://");
  private static final List<String> HOSTS =
      List.of(
          "registry.example.com",
          "registry.example.com:5000",
          "*.example.com",
          "sub.example.com",
          "docker.io",
          "index.docker.io",
          "registry-1.docker.io",
          "*.io",
          "ghcr.io",
          "localhost",
          "localhost:5000");
  private static final List<String> KEY_PATHS =
      List.of("", "", "/", "/v1/", "/v2/", "/team-a", "/team-b", "/v1/team-a", "/team-a/app");
  private static final List<String> IMAGE_HOSTS =
      List.of(
          "",
          "docker.io/",
          "index.docker.io/",
          "registry.example.com/",
          "registry.example.com:5000/",
          "sub.example.com/",
          "ghcr.io/",
          "localhost/",
          "localhost:5000/");
  private static final List<String> IMAGE_PATHS =
      List.of("nginx", "team-a/app", "team-b/app", "team-a/app/sub:1", "library/busybox");

  private static KeyringOracle oracle;

  @BeforeContainer
  static void findOracle() {
    oracle = KeyringOracle.locate();
  }

  /** One entry of a generated source. */
  record Entry(String key, boolean withCredentials, boolean asAuth) {}

  /** A generated source: its entries, or a bare {@code {}} document. */
  record Source(List<Entry> entries, boolean bareObject) {}

  @Property(tries = 300)
  void theKubeletTriesFromTheCopyWhatItTriesFromEachSourceAlone(
      @ForAll("sources") List<Source> sources, @ForAll("images") List<String> images) {
    List<String> configs = new ArrayList<>();
    List<SourceInput> inputs = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String config = render(sources.get(i), i, Set.of(), false);
      configs.add(config);
      inputs.add(
          SourceInput.present(
              SourceSecret.of(
                  "source-" + i,
                  SecretFormats.TYPE_DOCKER_CONFIG_JSON,
                  Map.of(
                      SecretFormats.KEY_DOCKER_CONFIG_JSON,
                      config.getBytes(StandardCharsets.UTF_8)))));
    }
    MergedConfig merged =
        PullSecretRenderer.create(CredentialProviders.of(new StaticCredentialProvider()))
            .render(inputs);
    String copy = merged.dockerConfigJsonText();

    List<Case> cases = new ArrayList<>();
    Set<String> won = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      cases.add(new Case(render(sources.get(i), i, won, true), images, List.of(FALLBACK_PROBE)));
      for (Entry entry : sources.get(i).entries()) {
        if (entry.withCredentials()) {
          won.add(entry.key());
        }
      }
    }
    cases.add(new Case(copy, images, List.of()));
    List<Answer> answers = oracle.ask(cases);
    Answer fromCopy = answers.get(sources.size());

    List<String> problems = new ArrayList<>();
    if (fromCopy.error() != null) {
      problems.add("the kubelet rejects the copy: " + fromCopy.error());
    }
    Set<Credential> dockerHub = new HashSet<>();
    for (int s = 0; s < sources.size(); s++) {
      Answer alone = answers.get(s);
      assertThat(alone.error()).as("the kubelet rejects generated source %s", s).isNull();
      dockerHub.addAll(alone.lookups().get(0));
    }
    for (int k = 0; k < images.size() && fromCopy.error() == null; k++) {
      String image = images.get(k);
      boolean dockerHubImage = isDockerHubImage(image);
      Set<Credential> required = new LinkedHashSet<>();
      Set<Credential> allowed = new LinkedHashSet<>();
      for (int s = 0; s < sources.size(); s++) {
        for (Credential c : answers.get(s).images().get(k)) {
          allowed.add(c);
          if (dockerHubImage || !dockerHub.contains(c)) {
            required.add(c);
          }
        }
      }
      if (dockerHubImage) {
        allowed.addAll(dockerHub);
      }
      Set<Credential> tried = nonEmpty(fromCopy.images().get(k));
      Set<Credential> lost = new LinkedHashSet<>(nonEmpty(required));
      lost.removeAll(tried);
      Set<Credential> extra = new LinkedHashSet<>(tried);
      extra.removeAll(allowed);
      if (!lost.isEmpty() || !extra.isEmpty()) {
        problems.add(
            "image "
                + image
                + ": the copy tries "
                + tried
                + (lost.isEmpty() ? "" : ", misses " + lost)
                + (extra.isEmpty() ? "" : ", adds " + extra));
      }
    }
    assertThat(problems)
        .as(
            "sources (credentials are generated test values, username s<source>e<entry>):%n%s%n"
                + "copy: %s%nstatuses: %s",
            String.join("\n", configs), copy, merged.sources())
        .isEmpty();
  }

  private static boolean isDockerHubImage(String image) {
    return IMAGE_HOSTS.stream()
        .filter(h -> !h.isEmpty() && image.startsWith(h))
        .findFirst()
        .map(h -> h.equals("docker.io/") || h.equals("index.docker.io/"))
        .orElse(true);
  }

  private static Set<Credential> nonEmpty(Set<Credential> credentials) {
    Set<Credential> kept = new LinkedHashSet<>(credentials);
    kept.removeIf(Credential::isEmpty);
    return kept;
  }

  /**
   * Renders a source as its {@code .dockerconfigjson}; when {@code effective}, as its part of the
   * copy should read on its own: without entries lacking credentials and without the keys in {@code
   * won} (given by earlier sources).
   */
  private static String render(Source source, int index, Set<String> won, boolean effective) {
    if (source.bareObject()) {
      return "{}";
    }
    Map<String, Map<String, String>> auths = new LinkedHashMap<>();
    List<Entry> entries = source.entries();
    for (int j = 0; j < entries.size(); j++) {
      Entry entry = entries.get(j);
      if (effective && (!entry.withCredentials() || won.contains(entry.key()))) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      if (entry.withCredentials()) {
        String username = "s" + index + "e" + j;
        String password = "pw-" + index + "-" + j;
        if (entry.asAuth()) {
          fields.put(
              "auth",
              Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } else {
          fields.put("username", username);
          fields.put("password", password);
        }
      }
      auths.put(entry.key(), fields);
    }
    return new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("auths", auths));
  }

  @Provide
  Arbitrary<List<Source>> sources() {
    Arbitrary<String> key =
        Combinators.combine(
                Arbitraries.of(SCHEMES), Arbitraries.of(HOSTS), Arbitraries.of(KEY_PATHS))
            .as((scheme, host, path) -> scheme + host + path);
    Arbitrary<Entry> entry =
        Combinators.combine(key, Arbitraries.integers().between(0, 7), Arbitraries.of(true, false))
            .as((k, credentials, auth) -> new Entry(k, credentials != 0, auth));
    Arbitrary<Source> source =
        Combinators.combine(
                entry.list().ofMinSize(0).ofMaxSize(5).uniqueElements(Entry::key),
                Arbitraries.integers().between(0, 15))
            .as(
                (entries, bare) ->
                    bare == 0 ? new Source(List.of(), true) : new Source(entries, false));
    return source.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> images() {
    return Combinators.combine(Arbitraries.of(IMAGE_HOSTS), Arbitraries.of(IMAGE_PATHS))
        .as((host, path) -> host + path)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .uniqueElements();
  }
}
