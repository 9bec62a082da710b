package dev.imps.credentials;

import static dev.imps.credentials.testing.Secrets.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryCredentialTest {

  private static final String SECRET = "pa55-SECRET";

  /** Row: fields given → username, password, auth expected, and whether auth overrode. */
  static Stream<Arguments> authRules() {
    return Stream.of(
        arguments(
            "username and password fill a missing auth",
            op(b -> b.username("bob").password(SECRET)),
            "bob",
            SECRET,
            b64("bob:" + SECRET),
            false),
        arguments(
            "auth fills missing username and password",
            op(b -> b.auth(b64("bob:" + SECRET))),
            "bob",
            SECRET,
            b64("bob:" + SECRET),
            false),
        arguments(
            "auth that agrees with username and password is no conflict",
            op(b -> b.username("bob").password(SECRET).auth(b64("bob:" + SECRET))),
            "bob",
            SECRET,
            b64("bob:" + SECRET),
            false),
        arguments(
            "auth wins over a disagreeing password",
            op(b -> b.username("bob").password("old").auth(b64("bob:" + SECRET))),
            "bob",
            SECRET,
            b64("bob:" + SECRET),
            true),
        arguments(
            "auth wins over a disagreeing username given alone",
            op(b -> b.username("eve").auth(b64("bob:" + SECRET))),
            "bob",
            SECRET,
            b64("bob:" + SECRET),
            true),
        arguments(
            "a password with colons is split at the first colon",
            op(b -> b.auth(b64("bob:a:b:c"))),
            "bob",
            "a:b:c",
            b64("bob:a:b:c"),
            false),
        arguments(
            "empty strings count as absent",
            op(b -> b.username("").password("").auth(b64("bob:" + SECRET))),
            "bob",
            SECRET,
            b64("bob:" + SECRET),
            false),
        arguments(
            "auth without padding is accepted",
            op(b -> b.auth(b64("bo:pw").replace("=", ""))),
            "bo",
            "pw",
            b64("bo:pw").replace("=", ""),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authRules")
  void appliesTheDockerAuthRules(
      String description,
      UnaryOperator<RegistryCredential.Builder> fields,
      String username,
      String password,
      String auth,
      boolean overrode)
      throws CredentialException {
    RegistryCredential credential = fields.apply(RegistryCredential.builder("ghcr.io")).build();

    assertThat(credential.username()).contains(username);
    assertThat(credential.password()).contains(password);
    assertThat(credential.auth()).contains(auth);
    assertThat(credential.authOverrodeUsernamePassword()).isEqualTo(overrode);
    assertThat(new String(Base64.getDecoder().decode(credential.auth().orElseThrow())))
        .isEqualTo(username + ":" + password);
  }

  @Test
  void tokenOnlyEntriesNeedNoAuth() throws CredentialException {
    RegistryCredential identity =
        RegistryCredential.builder("acr.io")
            .username("00000000-0000")
            .identityToken(SECRET)
            .build();
    RegistryCredential bearer = RegistryCredential.builder("reg.io").registryToken(SECRET).build();

    assertThat(identity.auth()).isEmpty();
    assertThat(identity.identityToken()).contains(SECRET);
    assertThat(bearer.registryToken()).contains(SECRET);
    assertThat(bearer.username()).isEmpty();
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        arguments(
            "auth that is not base64",
            op(b -> b.auth(SECRET + "*")),
            "registry 'ghcr.io': field 'auth' is not valid base64"),
        arguments(
            "auth with a line break inside",
            op(
                b ->
                    b.auth(
                        b64("bob:" + SECRET).substring(0, 4)
                            + "\n"
                            + b64("bob:" + SECRET).substring(4))),
            "registry 'ghcr.io': field 'auth' is not valid base64"),
        arguments(
            "auth without a colon",
            op(b -> b.auth(b64(SECRET))),
            "registry 'ghcr.io': field 'auth' does not decode to 'username:password' (no ':')"),
        arguments(
            "auth that is not UTF-8",
            op(b -> b.auth(Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xc3}))),
            "registry 'ghcr.io': field 'auth' does not decode to UTF-8 text"),
        arguments(
            "nothing but an email",
            op(b -> b.email("a@b.c")),
            "registry 'ghcr.io' has no credentials: expected 'auth', 'username' and 'password',"
                + " 'identitytoken' or 'registrytoken'"),
        arguments(
            "a username without password",
            op(b -> b.username("bob")),
            "registry 'ghcr.io' has no credentials: expected 'auth', 'username' and 'password',"
                + " 'identitytoken' or 'registrytoken' (found 'username' without 'password')"));
  }

  @ParameterizedTest(name = "{0} is rejected")
  @MethodSource("badFields")
  void rejectsBadFieldsWithoutQuotingThem(
      String description, UnaryOperator<RegistryCredential.Builder> fields, String message) {
    assertThatThrownBy(() -> fields.apply(RegistryCredential.builder("ghcr.io")).build())
        .isExactlyInstanceOf(CredentialException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void toStringNamesFieldsButNoValues() throws CredentialException {
    RegistryCredential credential =
        RegistryCredential.builder("ghcr.io")
            .username("bob")
            .password(SECRET)
            .identityToken(SECRET + "-id")
            .expiresAt(Instant.parse("2030-01-01T00:00:00Z"))
            .build();

    assertThat(credential.toString())
        .isEqualTo(
            "RegistryCredential[ghcr.io, fields=[username, password, auth, identitytoken],"
                + " expiresAt=2030-01-01T00:00:00Z]")
        .doesNotContain(SECRET, "bob");
  }

  @Test
  void validityEndsAtTheExpiry() throws CredentialException {
    Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
    RegistryCredential expiring =
        RegistryCredential.builder("ghcr.io").registryToken("t").expiresAt(expiry).build();
    RegistryCredential forever = RegistryCredential.builder("ghcr.io").registryToken("t").build();

    assertThat(expiring.isValidAt(expiry.minusMillis(1))).isTrue();
    assertThat(expiring.isValidAt(expiry)).isFalse();
    assertThat(forever.isValidAt(Instant.MAX)).isTrue();
  }

  private static UnaryOperator<RegistryCredential.Builder> op(
      UnaryOperator<RegistryCredential.Builder> op) {
    return op;
  }
}
