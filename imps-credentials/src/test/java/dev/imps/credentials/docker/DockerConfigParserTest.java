package dev.imps.credentials.docker;

import static dev.imps.credentials.testing.Secrets.b64;
import static dev.imps.credentials.testing.Secrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.SecretFormats;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerConfigParserTest {

  private static final String SOURCE = "apps/pull";
  private static final String SECRET = "s3cr3t-VALUE";
  private static final String AUTH = b64("bob:" + SECRET);
  private static final String PREFIX = "source 'apps/pull': key '.dockerconfigjson': ";
  private static final String CFG_PREFIX = "source 'apps/pull': key '.dockercfg': ";

  static Stream<Arguments> validDockerConfigJson() {
    return Stream.of(
        arguments(
            "an entry with auth gets username and password from it",
            authsJson("ghcr.io", AUTH),
            List.of(bobAt("ghcr.io")),
            List.of()),
        arguments(
            "other top-level fields such as credsStore are ignored",
            "{\"credsStore\":\"desktop\",\"HttpHeaders\":{\"X\":\"y\"},\"auths\":{\"ghcr.io\":"
                + "{\"username\":\"bob\",\"password\":\""
                + SECRET
                + "\"}}}",
            List.of(bobAt("ghcr.io")),
            List.of()),
        arguments(
            "an empty auths object gives no credentials", "{\"auths\":{}}", List.of(), List.of()),
        arguments(
            "unknown entry fields and null values are ignored",
            "{\"auths\":{\"ghcr.io\":{\"serveraddress\":\"x\",\"email\":null,\"auth\":\""
                + AUTH
                + "\"}}}",
            List.of(bobAt("ghcr.io")),
            List.of()),
        arguments(
            "registries keep the document's order and spelling",
            authsJson("quay.io", AUTH, "https://index.docker.io/v1/", AUTH),
            List.of(bobAt("quay.io"), bobAt("https://index.docker.io/v1/")),
            List.of()),
        arguments(
            "two spellings of Docker Hub are two entries, as for the kubelet",
            authsJson("docker.io", AUTH, "https://index.docker.io/v1/", b64("eve:other")),
            List.of(
                bobAt("docker.io"),
                entry("https://index.docker.io/v1/", "eve", "other", b64("eve:other"))),
            List.of()),
        arguments(
            "keys with paths and wildcards are kept as spelled",
            authsJson(
                "registry.example.com/team-a", AUTH,
                "registry.example.com/team-b", AUTH,
                "*.example.com", AUTH),
            List.of(
                bobAt("registry.example.com/team-a"),
                bobAt("registry.example.com/team-b"),
                bobAt("*.example.com")),
            List.of()),
        arguments(
            "the very same key twice keeps the first, with a warning",
            authsJson("ghcr.io", AUTH, "ghcr.io", b64("eve:other")),
            List.of(bobAt("ghcr.io")),
            List.of(
                "key '.dockerconfigjson': registry 'ghcr.io' appears twice in the same source;"
                    + " the first is used")),
        arguments(
            "an entry without credentials from a credential store is skipped, the rest counts",
            "{\"auths\":{\"https://index.docker.io/v1/\":{},\"ghcr.io\":{\"auth\":\""
                + AUTH
                + "\"}},\"credsStore\":\"desktop\"}",
            List.of(bobAt("ghcr.io")),
            List.of(noCredentials("https://index.docker.io/v1/"))),
        arguments(
            "an entry with only an email or only a password is skipped",
            "{\"auths\":{\"ghcr.io\":{\"email\":\"b@x.io\"},\"quay.io\":{\"password\":\""
                + SECRET
                + "\"}}}",
            List.of(),
            List.of(noCredentials("ghcr.io"), noCredentials("quay.io"))),
        arguments(
            "an empty object gives no credentials and a warning, as in IMPS",
            "{}",
            List.of(),
            List.of(NO_AUTHS)),
        arguments(
            "the legacy format in a dockerconfigjson secret gives no credentials",
            "{\"ghcr.io\":{\"auth\":\"" + AUTH + "\"}}",
            List.of(),
            List.of(NO_AUTHS)),
        arguments(
            "auth wins over a disagreeing password, with a warning",
            "{\"auths\":{\"ghcr.io\":{\"username\":\"bob\",\"password\":\"wrong\",\"auth\":\""
                + AUTH
                + "\"}}}",
            List.of(bobAt("ghcr.io")),
            List.of("registry 'ghcr.io': 'username'/'password' disagree with 'auth'; 'auth' wins")),
        arguments(
            "identity token only entries are kept without auth",
            "{\"auths\":{\"myacr.azurecr.io\":{\"identitytoken\":\"" + SECRET + "\"}}}",
            List.of(build(RegistryCredential.builder("myacr.azurecr.io").identityToken(SECRET))),
            List.of()),
        arguments(
            "keys that are no registry host are ignored and not quoted",
            "{\"auths\":{\"https://\":{\"auth\":\""
                + AUTH
                + "\"},\""
                + SECRET
                + "\":[\"x\"],\""
                + AUTH
                + "\":{\"auth\":\""
                + AUTH
                + "\"},\"localhost:5000\":{\"auth\":\""
                + AUTH
                + "\"}}}",
            List.of(bobAt("localhost:5000")),
            List.of(
                "key '.dockerconfigjson': registry key #1 is not a registry host name (like"
                    + " ghcr.io or registry.local:5000) and is ignored",
                "key '.dockerconfigjson': registry key #2 is not a registry host name (like"
                    + " ghcr.io or registry.local:5000) and is ignored",
                "key '.dockerconfigjson': registry key #3 is not a registry host name (like"
                    + " ghcr.io or registry.local:5000) and is ignored")),
        arguments(
            "whitespace and pretty layout parse the same",
            "\n  {\n \"auths\" : {\n  \"ghcr.io\" : { \"auth\" : \"" + AUTH + "\" }\n }\n}\n",
            List.of(bobAt("ghcr.io")),
            List.of()));
  }

  private static final String NO_AUTHS =
      "key '.dockerconfigjson' has no 'auths' object, so it gives no credentials (the legacy"
          + " format without 'auths' belongs in a secret of type kubernetes.io/dockercfg under key"
          + " .dockercfg)";

  /**
   * A dockerconfigjson document whose auths give each registry, in the order given, an auth.
   *
   * @param registryThenAuth registry key, its auth, the next registry key, its auth, ...
   */
  private static String authsJson(String... registryThenAuth) {
    StringJoiner entries = new StringJoiner(",");
    for (int i = 0; i < registryThenAuth.length; i += 2) {
      entries.add("\"" + registryThenAuth[i] + "\":{\"auth\":\"" + registryThenAuth[i + 1] + "\"}");
    }
    return "{\"auths\":{" + entries + "}}";
  }

  private static String noCredentials(String registry) {
    return "key '.dockerconfigjson': registry '"
        + registry
        + "' has no credentials (no 'auth', 'username' and 'password', 'identitytoken' or"
        + " 'registrytoken'; a credential store entry?) and is skipped";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validDockerConfigJson")
  void parsesDockerConfigJson(
      String description, String json, List<RegistryCredential> expected, List<String> warnings)
      throws CredentialException {
    ProvidedCredentials parsed = DockerConfigParser.parseDockerConfigJson(SOURCE, utf8(json));

    assertThat(parsed.credentials()).containsExactlyElementsOf(expected);
    assertThat(parsed.warnings()).containsExactlyElementsOf(warnings);
    assertThat(parsed.credentials()).allSatisfy(c -> assertThat(c.expiresAt()).isEmpty());
  }

  @Test
  void legacyDockercfgIsTheAuthsMapItself() throws CredentialException {
    String json =
        "{\"https://index.docker.io/v1/\":{\"auth\":\"" + AUTH + "\",\"email\":\"b@x.io\"}}";

    ProvidedCredentials parsed = DockerConfigParser.parseDockerCfg(SOURCE, utf8(json));

    assertThat(parsed.credentials())
        .containsExactly(
            build(
                RegistryCredential.builder("https://index.docker.io/v1/")
                    .auth(AUTH)
                    .email("b@x.io")));
  }

  static Stream<Arguments> malformedDockerConfigJson() {
    byte[] tooLarge = new byte[SecretFormats.MAX_VALUE_BYTES + 1];
    Arrays.fill(tooLarge, (byte) ' ');
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    return Stream.of(
        arguments("empty bytes", new byte[0], "is empty"),
        arguments("only whitespace", utf8(" \n\t "), "is empty"),
        arguments("not JSON at all", utf8(SECRET), "is not valid JSON (line 1, column 1)"),
        arguments("a JSON array", utf8("[\"" + SECRET + "\"]"), "is not a JSON object"),
        arguments("a JSON string", utf8("\"" + SECRET + "\""), "is not a JSON object"),
        arguments("JSON null", utf8("null"), "is not a JSON object"),
        arguments(
            "auths is an array",
            utf8("{\"auths\":[\"" + SECRET + "\"]}"),
            "field 'auths' must be an object"),
        arguments(
            "an entry is a string",
            utf8("{\"auths\":{\"ghcr.io\":\"" + SECRET + "\"}}"),
            "registry 'ghcr.io' must be an object"),
        arguments(
            "a field is a number",
            utf8("{\"auths\":{\"ghcr.io\":{\"username\":\"bob\",\"password\":1234}}}"),
            "registry 'ghcr.io': field 'password' must be a string, not a number"),
        arguments(
            "a field is an object",
            utf8("{\"auths\":{\"ghcr.io\":{\"auth\":{\"v\":\"" + SECRET + "\"}}}}"),
            "registry 'ghcr.io': field 'auth' must be a string, not an object"),
        arguments(
            "auth is not base64",
            utf8("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + SECRET + "!\"}}}"),
            "registry 'ghcr.io': field 'auth' is not valid base64"),
        arguments(
            "auth has no colon",
            utf8("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64(SECRET) + "\"}}}"),
            "registry 'ghcr.io': field 'auth' does not decode to 'username:password' (no ':')"),
        arguments(
            "truncated in the middle of a password",
            utf8("{\"auths\":{\"ghcr.io\":{\"password\":\"" + SECRET),
            "is not valid JSON (line 1, column 46)"),
        arguments(
            "a comment",
            utf8("{\"auths\":{}} // " + SECRET),
            "is not valid JSON (line 1, column 15)"),
        arguments(
            "a second JSON value after the object",
            utf8("{\"auths\":{}} {\"auths\":{}}"),
            "is not valid JSON (line 1, column 15)"),
        arguments(
            "a secret value where a field name belongs",
            utf8("{\"auths\":{\"ghcr.io\":{\"" + SECRET + "\"}}}"),
            "is not valid JSON (line 1, column 37)"),
        arguments(
            "not UTF-8", new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}, "is not UTF-8 text"),
        arguments(
            "nested ten thousand levels deep",
            utf8("{\"auths\":{\"ghcr.io\":{\"x\":" + deep + "}}}"),
            "is not valid JSON (line 1, column 279)"),
        arguments(
            "one byte over 1 MiB", tooLarge, "is too large (1048577 bytes; the limit is 1048576)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedDockerConfigJson")
  void rejectsMalformedDockerConfigJsonNamingSourceKeyAndProblem(
      String description, byte[] value, String problem) {
    assertThatThrownBy(() -> DockerConfigParser.parseDockerConfigJson(SOURCE, value))
        .isExactlyInstanceOf(CredentialException.class)
        .hasMessage(PREFIX + problem)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, AUTH));
  }

  static Stream<Arguments> malformedDockercfg() {
    return Stream.of(
        arguments("not JSON", utf8("auths"), "is not valid JSON (line 1, column 1)"),
        arguments("an array", utf8("[]"), "is not a JSON object"),
        arguments(
            "an entry is a number",
            utf8("{\"ghcr.io\":42}"),
            "registry 'ghcr.io' must be an object"),
        arguments(
            "the current format in a dockercfg secret",
            utf8("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + AUTH + "\"}}}"),
            "has an 'auths' object (that format belongs in a secret of type"
                + " kubernetes.io/dockerconfigjson under key .dockerconfigjson)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedDockercfg")
  void rejectsMalformedDockercfg(String description, byte[] value, String problem) {
    assertThatThrownBy(() -> DockerConfigParser.parseDockerCfg(SOURCE, value))
        .isExactlyInstanceOf(CredentialException.class)
        .hasMessage(CFG_PREFIX + problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, AUTH));
  }

  @Test
  void aValueOfExactlyOneMebibyteIsStillParsed() throws CredentialException {
    String json = "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + AUTH + "\"}}}";
    byte[] value = new byte[SecretFormats.MAX_VALUE_BYTES];
    Arrays.fill(value, (byte) ' ');
    System.arraycopy(utf8(json), 0, value, 0, json.length());

    ProvidedCredentials parsed = DockerConfigParser.parseDockerConfigJson(SOURCE, value);

    assertThat(parsed.credentials()).containsExactly(bobAt("ghcr.io"));
  }

  /** The entry an {@code auth} of {@link #AUTH} gives at the registry: bob and the secret. */
  private static RegistryCredential bobAt(String registry) {
    return entry(registry, "bob", SECRET, AUTH);
  }

  private static RegistryCredential entry(
      String registry, String username, String password, String auth) {
    return build(
        RegistryCredential.builder(registry).username(username).password(password).auth(auth));
  }

  private static RegistryCredential build(RegistryCredential.Builder builder) {
    try {
      return builder.build();
    } catch (CredentialException e) {
      throw new AssertionError(e);
    }
  }
}
