package dev.imps.credentials;

import static dev.imps.credentials.testing.Secrets.b64;
import static dev.imps.credentials.testing.Secrets.login;
import static dev.imps.credentials.testing.Secrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.testing.Secrets;
import dev.imps.testsupport.time.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PullSecretRendererTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final String SECRET = "SECRET";

  /**
   * A provider for tokens that expire, standing in for ECR without AWS: data {@code registry},
   * {@code token}, {@code expiresAt}; {@code fail} makes it throw a CredentialException, {@code
   * explode} a RuntimeException whose message holds the token.
   */
  static final class ExpiringTokenProvider implements CredentialProvider {
    static final String TYPE = "test.imps.dev/expiring";

    @Override
    public Set<String> secretTypes() {
      return Set.of(TYPE);
    }

    @Override
    public ProvidedCredentials provide(SourceSecret secret) throws CredentialException {
      if (secret.value("fail").isPresent()) {
        throw new CredentialException("source " + SafeText.quote(secret.name()) + ": AWS said no");
      }
      String token = text(secret, "token");
      if (secret.value("explode").isPresent()) {
        throw new IllegalStateException("boom with " + token);
      }
      return ProvidedCredentials.of(
          List.of(
              RegistryCredential.builder(text(secret, "registry"))
                  .auth(b64("AWS:" + token))
                  .expiresAt(Instant.parse(text(secret, "expiresAt")))
                  .build()));
    }

    private static String text(SourceSecret secret, String key) {
      return new String(secret.value(key).orElseThrow(), StandardCharsets.UTF_8);
    }
  }

  private final MovableClock clock = MovableClock.at(T0);
  private final PullSecretRenderer renderer =
      PullSecretRenderer.create(
          CredentialProviders.of(new StaticCredentialProvider(), new ExpiringTokenProvider()),
          clock);

  private static SourceSecret token(String name, String registry, String token, Instant expiry) {
    return SourceSecret.of(
        name,
        ExpiringTokenProvider.TYPE,
        Map.of(
            "registry", utf8(registry),
            "token", utf8(token),
            "expiresAt", utf8(expiry.toString())));
  }

  private static SourceSecret failing(String name) {
    return SourceSecret.of(name, ExpiringTokenProvider.TYPE, Map.of("fail", utf8("1")));
  }

  private static SourceInput present(SourceSecret secret) {
    return SourceInput.present(secret);
  }

  /** Each written credential as (registry as spelled, username), in the order written. */
  private static List<Tuple> registriesAndUsers(MergedConfig merged) {
    return merged.credentials().stream()
        .map(c -> tuple(c.registry().spelled(), c.username().orElseThrow()))
        .toList();
  }

  @Test
  void rendersCanonicalBytesWithSortedKeysAndNoNulls() {
    MergedConfig merged =
        renderer.render(
            List.of(
                present(login("a/one", "quay.io", "bob", "pw")),
                present(
                    Secrets.dockerConfigJson(
                        "a/two", "{\"auths\":{\"acr.io\":{\"identitytoken\":\"idt\"}}}"))));

    assertThat(merged.dockerConfigJsonText())
        .isEqualTo(
            "{\"auths\":{"
                + "\"acr.io\":{\"identitytoken\":\"idt\"},"
                + "\"quay.io\":{\"auth\":\""
                + b64("bob:pw")
                + "\",\"password\":\"pw\",\"username\":\"bob\"}}}");
    assertThat(merged.allOk()).isTrue();
    assertThat(merged.earliestExpiry()).isEmpty();
  }

  @Test
  void identicalCredentialsGiveIdenticalBytesWhateverTheSourceLayout() {
    String compact =
        "{\"auths\":{\"ghcr.io\":{\"auth\":\""
            + b64("u:p")
            + "\"},\"quay.io\":{\"username\":\"q\",\"password\":\"r\"}}}";
    String reordered =
        "{ \"credsStore\": \"x\",\n \"auths\": {\n  \"quay.io\": {\"password\": \"r\", \"username\": \"q\"},\n"
            + "  \"ghcr.io\": {\"username\": \"u\", \"password\": \"p\", \"email\": null}\n }\n}";

    byte[] first =
        renderer
            .render(List.of(present(Secrets.dockerConfigJson("a/s", compact))))
            .dockerConfigJson();
    byte[] second =
        PullSecretRenderer.create(CredentialProviders.of(new StaticCredentialProvider()))
            .render(List.of(present(Secrets.dockerConfigJson("a/s", reordered))))
            .dockerConfigJson();

    assertThat(second).isEqualTo(first);
    assertThat(
            renderer
                .render(List.of(present(Secrets.dockerConfigJson("a/s", compact))))
                .sameBytesAs(first))
        .isTrue();
  }

  @Test
  void theFirstSourceInSpecOrderWinsTheVerySameKeyAndTheLaterOneReportsTheShadowing() {
    MergedConfig merged =
        renderer.render(
            List.of(
                present(login("a/first", "ghcr.io/team-a", "first", "pw1")),
                present(
                    Secrets.dockerConfigJson(
                        "a/second",
                        "{\"auths\":{\"ghcr.io/team-a\":{\"auth\":\""
                            + b64("second:pw2")
                            + "\"},\"ghcr.io/team-b\":{\"auth\":\""
                            + b64("second:pw3")
                            + "\"}}}"))));

    assertThat(registriesAndUsers(merged))
        .containsExactly(tuple("ghcr.io/team-a", "first"), tuple("ghcr.io/team-b", "second"));
    SourceStatus second = merged.sources().get(1);
    assertThat(second.state()).isEqualTo(SourceStatus.State.OK);
    assertThat(second.registries()).containsExactly("ghcr.io/team-b");
    assertThat(second.shadowedBy()).containsExactly(Map.entry("ghcr.io/team-a", "a/first"));
    assertThat(second.message())
        .isEqualTo("ok; registry 'ghcr.io/team-a' is shadowed by earlier source 'a/first'");
    assertThat(merged.sources().get(0).message()).isEqualTo("ok");
  }

  @ParameterizedTest(name = "{0} and {1} from two sources are both kept")
  @CsvSource({
    "registry.example.com/team-a, registry.example.com/team-b",
    "registry.example.com,        https://registry.example.com",
    "*.example.com,               registry.example.com",
    "registry.example.com,        registry.example.com:5000",
    "quay.io/v1/,                 quay.io/v2/"
  })
  void keysThatDifferInSpellingAreAllKeptBecauseTheKubeletTriesEachMatchingOne(
      String first, String second) {
    MergedConfig merged =
        renderer.render(
            List.of(
                present(login("a/first", first, "first", "pw1")),
                present(login("a/second", second, "second", "pw2"))));

    assertThat(registriesAndUsers(merged))
        .containsExactlyInAnyOrder(tuple(first, "first"), tuple(second, "second"));
    assertThat(merged.sources()).allSatisfy(s -> assertThat(s.shadowedBy()).isEmpty());
  }

  static Stream<Arguments> dockerHubFallbacks() {
    return Stream.of(
        arguments(
            "another source's docker.io hides the fallback: it is also written as https://docker.io",
            "docker.io",
            List.of(
                tuple("docker.io", "second"),
                tuple("https://docker.io", "first"),
                tuple("https://index.docker.io/v1/", "first"))),
        arguments(
            "a wildcard that matches docker.io hides it too: it is also written as docker.io",
            "*.io",
            List.of(
                tuple("*.io", "second"),
                tuple("docker.io", "first"),
                tuple("https://index.docker.io/v1/", "first"))),
        arguments(
            "a key that never matches Docker Hub images hides nothing: no alias",
            "ghcr.io",
            List.of(tuple("ghcr.io", "second"), tuple("https://index.docker.io/v1/", "first"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dockerHubFallbacks")
  void aDockerHubFallbackIsNotHiddenBehindAnotherSourcesDockerHubKey(
      String description, String otherKey, List<Tuple> written) {
    MergedConfig merged =
        renderer.render(
            List.of(
                present(login("a/first", "https://index.docker.io/v1/", "first", "pw1")),
                present(login("a/second", otherKey, "second", "pw2"))));

    assertThat(registriesAndUsers(merged)).containsExactlyInAnyOrderElementsOf(written);
    if (written.size() == 3) {
      assertThat(merged.sources().get(0).warnings())
          .singleElement()
          .asString()
          .startsWith("registry 'https://index.docker.io/v1/' is also written as ")
          .endsWith(
              ", so registry '"
                  + otherKey
                  + "' of source 'a/second' does not hide it from the kubelet for Docker Hub"
                  + " images");
    } else {
      assertThat(merged.sources().get(0).warnings()).isEmpty();
    }
  }

  @Test
  void whenEverySpellingOfDockerIoIsTakenTheFallbackStaysAndTheStatusSaysItMayBeHidden() {
    StringBuilder json = new StringBuilder("{\"auths\":{");
    for (String spelling : DockerHubAliases.SPELLINGS) {
      json.append('"')
          .append(spelling)
          .append("\":{\"auth\":\"")
          .append(b64("hub:pw"))
          .append("\"},");
    }
    json.setLength(json.length() - 1);
    json.append("}}");

    MergedConfig merged =
        renderer.render(
            List.of(
                present(login("a/first", "https://index.docker.io/v1/", "first", "pw1")),
                present(Secrets.dockerConfigJson("a/hub", json.toString()))));

    assertThat(merged.credentials())
        .extracting(c -> c.registry().spelled())
        .hasSize(DockerHubAliases.SPELLINGS.size() + 1)
        .contains("https://index.docker.io/v1/");
    assertThat(merged.sources().get(0).warnings())
        .containsExactly(
            "Docker Hub credentials of registry 'https://index.docker.io/v1/' may be hidden from"
                + " the kubelet by registry 'docker.io' of source 'a/hub': every spelling of"
                + " docker.io is taken");
  }

  @ParameterizedTest(name = "a source of {0} is ok with a warning and the result warns")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an empty object                  | {}
          an empty auths                   | {"auths":{}}
          only entries without credentials | {"auths":{"ghcr.io":{}}}
          """)
  void aSourceWithoutCredentialsIsReadButWarnedAbout(String description, String json) {
    MergedConfig alone =
        renderer.render(List.of(present(Secrets.dockerConfigJson("a/empty", json))));
    MergedConfig withOther =
        renderer.render(
            List.of(
                present(Secrets.dockerConfigJson("a/empty", json)),
                present(login("a/other", "ghcr.io/team", "u", "p"))));

    assertThat(alone.sources().get(0).state()).isEqualTo(SourceStatus.State.OK);
    assertThat(alone.sources().get(0).givesNoCredentials()).isTrue();
    assertThat(alone.sources().get(0).warnings()).contains("gives no registry credentials");
    assertThat(alone.isUsable()).isTrue();
    assertThat(alone.warnings())
        .containsExactly(
            "source 'a/empty' gives no registry credentials", "the copy holds no registry");
    assertThat(withOther.warnings())
        .containsExactly("source 'a/empty' gives no registry credentials");
    assertThat(withOther.sources().get(1).givesNoCredentials()).isFalse();
  }

  @Test
  void aSourceThatFailsAfterWorkingKeepsItsLastGoodCredentialsAndSaysItIsStale() {
    SourceInput good = present(login("a/s", "ghcr.io", "bob", SECRET));
    byte[] before = renderer.render(List.of(good)).dockerConfigJson();
    clock.advance(Duration.ofMinutes(5));

    List<SourceInput> failures =
        List.of(
            SourceInput.unreadable("a/s", "forbidden (403)"),
            present(Secrets.dockerConfigJson("a/s", "{\"auths\": not json " + SECRET)),
            present(SourceSecret.of("a/s", "Opaque", Map.of())));
    for (SourceInput failure : failures) {
      MergedConfig merged = renderer.render(List.of(failure));

      assertThat(merged.dockerConfigJson()).isEqualTo(before);
      SourceStatus status = merged.sources().get(0);
      assertThat(status.state()).isEqualTo(SourceStatus.State.STALE);
      assertThat(status.lastGoodAt()).contains(T0);
      assertThat(status.message())
          .startsWith(
              "stale: using credentials last read at 2030-01-01T00:00:00Z until they expire, because: source 'a/s': ")
          .doesNotContain(SECRET);
      assertThat(merged.isUsable()).isTrue();
    }
  }

  /** The copy written before a restart from a/gone (ghcr.io) and a/other (quay.io, old). */
  private static SourceSecret copyWrittenBeforeRestart() {
    PullSecretRenderer before =
        PullSecretRenderer.create(CredentialProviders.of(new StaticCredentialProvider()));
    MergedConfig written =
        before.render(
            List.of(
                present(login("a/gone", "ghcr.io", "bob", SECRET)),
                present(login("a/other", "quay.io", "old", "old-pw"))));
    return SourceSecret.of(
        "ns/copy",
        SecretFormats.TYPE_DOCKER_CONFIG_JSON,
        Map.of(SecretFormats.KEY_DOCKER_CONFIG_JSON, written.dockerConfigJson()));
  }

  @Test
  void afterARestartAFailingSourceKeepsTheEntriesOfTheExistingCopyThatNoOtherSourceGives() {
    SourceSecret copy = copyWrittenBeforeRestart();

    MergedConfig merged =
        renderer.render(
            List.of(
                SourceInput.unreadable("a/gone", "secret not found"),
                present(login("a/other", "quay.io", "new", "new-pw"))),
            () -> Optional.of(copy));

    assertThat(registriesAndUsers(merged))
        .containsExactly(tuple("ghcr.io", "bob"), tuple("quay.io", "new"));
    SourceStatus gone = merged.sources().get(0);
    assertThat(gone.state()).isEqualTo(SourceStatus.State.STALE);
    assertThat(gone.registries()).containsExactly("ghcr.io");
    assertThat(gone.lastGoodAt()).contains(T0);
    assertThat(gone.warnings()).containsExactly(PullSecretRenderer.RECOVERED);
    assertThat(gone.message()).doesNotContain(SECRET);

    // The recovered entries are remembered: another source dropping a registry drops it.
    clock.advance(Duration.ofMinutes(1));
    MergedConfig later =
        renderer.render(
            List.of(
                SourceInput.unreadable("a/gone", "secret not found"),
                present(login("a/other", "registry.example", "x", "y"))),
            () -> {
              throw new AssertionError("the copy is read only while no last good is known");
            });
    assertThat(later.credentials())
        .extracting(c -> c.registry().spelled())
        .containsExactly("ghcr.io", "registry.example");
    assertThat(later.sources().get(0).lastGoodAt()).contains(T0);

    // Past the grace period the source is missing, and its recovered entries are dropped.
    MergedConfig dropped =
        renderer.render(
            List.of(
                SourceInput.missing("a/gone"),
                present(login("a/other", "registry.example", "x", "y"))));
    assertThat(dropped.credentials())
        .extracting(c -> c.registry().spelled())
        .containsExactly("registry.example");
  }

  static Stream<Arguments> nothingToRecover() {
    return Stream.of(
        arguments("no copy exists", Optional.empty()),
        arguments(
            "the copy is not a readable docker config",
            Optional.of(Secrets.dockerConfigJson("ns/copy", "{\"auths\": not json"))),
        arguments(
            "every entry of the copy is given by a source that was read",
            Optional.of(login("ns/copy", "quay.io", "old", "old-pw"))));
  }

  @ParameterizedTest(name = "{0}: the failing source stays FAILED")
  @MethodSource("nothingToRecover")
  void aFailingSourceWithoutLastGoodIsFailedWhenTheCopyHasNothingOnlyItCouldHaveGiven(
      String description, Optional<SourceSecret> copy) {
    MergedConfig merged =
        renderer.render(
            List.of(
                SourceInput.unreadable("a/gone", "secret not found"),
                present(login("a/other", "quay.io", "new", "new-pw"))),
            () -> copy);

    assertThat(merged.sources().get(0).state()).isEqualTo(SourceStatus.State.FAILED);
    assertThat(merged.credentials())
        .extracting(c -> c.registry().spelled())
        .containsExactly("quay.io");
  }

  @Test
  void anExpiredLastGoodIsNotReplacedByTheCopy() {
    renderer.render(List.of(present(token("a/t", "ecr.example", "t1", T0.plusSeconds(60)))));
    clock.advance(Duration.ofMinutes(2));

    MergedConfig merged =
        renderer.render(
            List.of(present(failing("a/t"))),
            () -> Optional.of(login("ns/copy", "ecr.example", "AWS", "t1")));

    assertThat(merged.sources().get(0).state()).isEqualTo(SourceStatus.State.FAILED);
    assertThat(merged.isEmpty()).isTrue();
  }

  @Test
  void aMissingSecretDropsItsLastGoodCredentials() {
    renderer.render(List.of(present(login("a/s", "ghcr.io", "bob", "pw"))));

    MergedConfig missing = renderer.render(List.of(SourceInput.missing("a/s")));
    MergedConfig thenUnreadable =
        renderer.render(List.of(SourceInput.unreadable("a/s", "timeout")));

    assertThat(missing.isEmpty()).isTrue();
    assertThat(missing.sources().get(0).message()).isEqualTo("missing: secret not found");
    assertThat(missing.isUsable()).isTrue();
    assertThat(thenUnreadable.sources().get(0).state()).isEqualTo(SourceStatus.State.FAILED);
    assertThat(thenUnreadable.sources().get(0).message())
        .isEqualTo("failed: source 'a/s': timeout");
  }

  @Test
  void aSourceRemovedFromTheSpecIsForgotten() {
    renderer.render(List.of(present(login("a/s", "ghcr.io", "bob", "pw"))));

    renderer.render(List.of(present(login("a/other", "quay.io", "x", "y"))));
    MergedConfig back = renderer.render(List.of(SourceInput.unreadable("a/s", "timeout")));

    assertThat(back.sources().get(0).state()).isEqualTo(SourceStatus.State.FAILED);
    assertThat(back.isEmpty()).isTrue();
  }

  @Test
  void staleCredentialsAreUsedOnlyUntilTheirOwnExpiry() {
    Instant expiry = T0.plus(Duration.ofHours(12));
    renderer.render(List.of(present(token("a/ecr", "1.dkr.ecr.x", "tok", expiry))));

    clock.set(expiry.minusSeconds(1));
    MergedConfig stale = renderer.render(List.of(present(failing("a/ecr"))));
    clock.set(expiry);
    MergedConfig expired = renderer.render(List.of(present(failing("a/ecr"))));

    assertThat(stale.sources().get(0).state()).isEqualTo(SourceStatus.State.STALE);
    assertThat(stale.earliestExpiry()).contains(expiry);
    assertThat(stale.isEmpty()).isFalse();
    assertThat(expired.sources().get(0).state()).isEqualTo(SourceStatus.State.FAILED);
    assertThat(expired.sources().get(0).message()).isEqualTo("failed: source 'a/ecr': AWS said no");
    assertThat(expired.isEmpty()).isTrue();
    assertThat(expired.isUsable()).isFalse();
  }

  @Test
  void theEarliestExpiryCountsOnlyWrittenCredentials() {
    Instant early = T0.plus(Duration.ofHours(1));
    Instant late = T0.plus(Duration.ofHours(12));

    MergedConfig merged =
        renderer.render(
            List.of(
                present(token("a/late", "reg.io", "t1", late)),
                present(token("a/early-but-shadowed", "reg.io", "t2", early)),
                present(token("a/other", "other.io", "t3", late.plusSeconds(1))),
                present(login("a/static", "ghcr.io", "u", "p"))));

    assertThat(merged.earliestExpiry()).contains(late);
    assertThat(merged.sources().get(1).shadowedBy()).containsExactly(Map.entry("reg.io", "a/late"));
  }

  @Test
  void nothingIsUsableOnlyWhenFailuresLeaveTheConfigEmpty() {
    MergedConfig allFailed =
        renderer.render(List.of(present(failing("a/x")), SourceInput.unreadable("a/y", "timeout")));
    MergedConfig oneWorks =
        renderer.render(
            List.of(present(failing("a/x")), present(login("a/y", "ghcr.io", "u", "p"))));
    MergedConfig noSources = renderer.render(List.of());

    assertThat(allFailed.isUsable()).isFalse();
    assertThat(allFailed.dockerConfigJsonText()).isEqualTo("{\"auths\":{}}");
    assertThat(oneWorks.isUsable()).isTrue();
    assertThat(oneWorks.allOk()).isFalse();
    assertThat(oneWorks.sources())
        .extracting(SourceStatus::state)
        .containsExactly(SourceStatus.State.FAILED, SourceStatus.State.OK);
    assertThat(noSources.isUsable()).isTrue();
    assertThat(noSources.isEmpty()).isTrue();
  }

  @Test
  void anUnexpectedProviderFailureIsReportedByTypeOnlySinceItsMessageIsNotVetted() {
    SourceSecret exploding =
        SourceSecret.of(
            "a/x", ExpiringTokenProvider.TYPE, Map.of("explode", utf8("1"), "token", utf8(SECRET)));

    MergedConfig merged = renderer.render(List.of(present(exploding)));

    assertThat(merged.sources().get(0).message())
        .isEqualTo("failed: source 'a/x': unexpected java.lang.IllegalStateException");
    assertThat(merged.toString()).doesNotContain(SECRET);
  }

  @Test
  void warningsFromTheSourceAppearInItsStatus() {
    MergedConfig merged =
        renderer.render(
            List.of(
                present(
                    Secrets.dockerConfigJson(
                        "a/s",
                        "{\"auths\":{\"ghcr.io\":{\"username\":\"bob\",\"password\":\""
                            + SECRET
                            + "\",\"auth\":\""
                            + b64("bob:new")
                            + "\"}}}"))));

    assertThat(merged.sources().get(0).message())
        .isEqualTo(
            "ok; registry 'ghcr.io': 'username'/'password' disagree with 'auth'; 'auth' wins");
    assertThat(merged.credentials().get(0).password()).contains("new");
  }

  @Test
  void toStringOfTheResultShowsNoCredentials() {
    MergedConfig merged = renderer.render(List.of(present(login("a/s", "ghcr.io", "bob", SECRET))));

    assertThat(merged.toString())
        .isEqualTo("MergedConfig[registries=[ghcr.io], earliestExpiry=null, sources=[a/s: ok]]")
        .doesNotContain(SECRET);
  }
}
