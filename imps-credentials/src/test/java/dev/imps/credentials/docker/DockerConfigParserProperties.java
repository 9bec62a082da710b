package dev.imps.credentials.docker;

import static dev.imps.credentials.testing.Secrets.b64;
import static dev.imps.credentials.testing.Secrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.RegistryCredential;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes both parsers: whatever the bytes, the outcome is credentials or a {@link
 * CredentialException} naming the source, never another exception and never a secret in the
 * message; and what the renderer writes parses back to the same credentials.
 */
class DockerConfigParserProperties {

  private static final String SOURCE = "fuzz/source";
  private static final String SECRET = "Zq9-SECRET-Zq9";
  private static final String AUTH = b64("bob:" + SECRET);
  private static final String VALID =
      "{\"auths\":{\"ghcr.io\":{\"username\":\"bob\",\"password\":\""
          + SECRET
          + "\"},\"quay.io\":{\"auth\":\""
          + AUTH
          + "\"}}}";

  @Property
  void anyBytesGiveCredentialsOrADocumentedError(@ForAll byte[] value) {
    assertParsesOrFailsCleanly(value);
  }

  @Property
  void anyJsonLikeTextGivesCredentialsOrADocumentedError(@ForAll("jsonish") String text) {
    assertParsesOrFailsCleanly(utf8(text));
  }

  @Property
  void oneEditToAValidConfigNeverLeaksTheSecret(
      @ForAll @IntRange(min = 0, max = 200) int position,
      @ForAll("edits") String edit,
      @ForAll boolean delete) {
    int at = Math.min(position, VALID.length());
    String mutated =
        delete && at < VALID.length()
            ? VALID.substring(0, at) + VALID.substring(at + 1)
            : VALID.substring(0, at) + edit + VALID.substring(at);
    assertParsesOrFailsCleanly(utf8(mutated));
    assertParsesOrFailsCleanly(utf8(VALID.substring(0, at)));
  }

  @Property
  void whatTheRendererWritesParsesBackToTheSameCredentials(
      @ForAll("credentials") List<RegistryCredential> credentials) throws CredentialException {
    MergedConfig merged = MergedConfig.of(credentials, List.of());

    ProvidedCredentials parsed =
        DockerConfigParser.parseDockerConfigJson(SOURCE, merged.dockerConfigJson());

    List<RegistryCredential> sorted = new ArrayList<>(credentials);
    sorted.sort(Comparator.comparing(c -> c.registry().spelled()));
    assertThat(parsed.credentials()).containsExactlyElementsOf(sorted);
    assertThat(parsed.warnings()).isEmpty();
    assertThat(MergedConfig.of(parsed.credentials(), List.of()).dockerConfigJson())
        .isEqualTo(merged.dockerConfigJson());
  }

  private static void assertParsesOrFailsCleanly(byte[] value) {
    for (boolean current : new boolean[] {true, false}) {
      try {
        ProvidedCredentials parsed =
            current
                ? DockerConfigParser.parseDockerConfigJson(SOURCE, value)
                : DockerConfigParser.parseDockerCfg(SOURCE, value);
        assertThat(parsed.warnings()).allSatisfy(w -> assertThat(w).doesNotContain(SECRET, AUTH));
      } catch (CredentialException e) {
        assertThat(e.getMessage())
            .startsWith("source 'fuzz/source': key ")
            .doesNotContain(SECRET, AUTH);
      }
    }
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            "\"",
            ":",
            ",",
            " ",
            "\\",
            "\\u00",
            "null",
            "1e999",
            "-0",
            "true",
            "\"auths\"",
            "\"auth\"",
            "\"username\"",
            "\"password\"",
            "\"email\"",
            "\"identitytoken\"",
            "\"ghcr.io\"",
            "\"https://index.docker.io/v1/\"",
            "\"\"",
            "\"" + AUTH + "\"",
            "\"" + SECRET + "\"",
            "\"" + b64(SECRET) + "\"",
            "//",
            "/*")
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> edits() {
    return Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\\", "x", "0", " ", "\u00e9", "=");
  }

  @Provide
  Arbitrary<List<RegistryCredential>> credentials() {
    Arbitrary<String> text =
        Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(20);
    Arbitrary<String> username = text.filter(s -> !s.isEmpty() && s.indexOf(':') < 0);
    Arbitrary<String> host =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> spelling =
        Arbitraries.of("%s.io", "https://%s.io/", "%s.io:5000", "%s.io/v2/");
    Arbitrary<RegistryCredential> credential =
        Combinators.combine(
                host, spelling, username, text, text, Arbitraries.integers().between(0, 2))
            .as(
                (h, format, user, password, token, kind) -> {
                  RegistryCredential.Builder b =
                      RegistryCredential.builder(String.format(format, h));
                  if (kind == 0 || password.isEmpty()) {
                    b.identityToken(token.isEmpty() ? "t" : token).email(password);
                  } else if (kind == 1) {
                    b.username(user).password(password);
                  } else {
                    b.auth(b64(user + ":" + password)).registryToken(token);
                  }
                  try {
                    return b.build();
                  } catch (CredentialException e) {
                    throw new AssertionError(e);
                  }
                });
    return credential.list().ofMaxSize(6).uniqueElements(RegistryCredential::registry);
  }
}
