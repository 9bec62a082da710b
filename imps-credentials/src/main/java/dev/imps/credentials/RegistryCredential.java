package dev.imps.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials for one registry: one entry of a docker config's {@code auths}, plus when it
 * expires.
 *
 * <p>Built with {@link #builder(String)}, which applies the docker CLI's rules so every instance is
 * consistent: {@code auth} is filled from username and password when missing, username and password
 * are filled from {@code auth} when missing, and when both are present and disagree {@code auth}
 * wins ({@link #authOverrodeUsernamePassword()} then says so). Empty strings count as absent, as
 * with docker's {@code omitempty}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the registry and which fields are set,
 * never their values.
 */
public final class RegistryCredential {

  private final RegistryKey registry;
  private final String username;
  private final String password;
  private final String auth;
  private final String email;
  private final String identityToken;
  private final String registryToken;
  private final Instant expiresAt;
  private final boolean authOverrodeUsernamePassword;

  private RegistryCredential(
      Builder b, String username, String password, String auth, boolean overrode) {
    this.registry = b.registry;
    this.username = username;
    this.password = password;
    this.auth = auth;
    this.email = b.email;
    this.identityToken = b.identityToken;
    this.registryToken = b.registryToken;
    this.expiresAt = b.expiresAt;
    this.authOverrodeUsernamePassword = overrode;
  }

  private RegistryCredential(RegistryCredential other, RegistryKey registry) {
    this.registry = registry;
    this.username = other.username;
    this.password = other.password;
    this.auth = other.auth;
    this.email = other.email;
    this.identityToken = other.identityToken;
    this.registryToken = other.registryToken;
    this.expiresAt = other.expiresAt;
    this.authOverrodeUsernamePassword = other.authOverrodeUsernamePassword;
  }

  /**
   * Starts a credential for a registry.
   *
   * @param registry the registry key as it will be written, e.g. {@code
   *     "https://index.docker.io/v1/"}
   * @return a builder
   * @throws IllegalArgumentException if the key names no registry host
   */
  public static Builder builder(String registry) {
    return new Builder(RegistryKey.of(registry));
  }

  /**
   * Returns the registry key.
   *
   * @return the key, spelled as given
   */
  public RegistryKey registry() {
    return registry;
  }

  /**
   * Returns the username.
   *
   * @return the username, empty if none
   */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /**
   * Returns the password.
   *
   * @return the password, empty if none
   */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /**
   * Returns {@code base64(username:password)}.
   *
   * @return the auth field, empty only for token-only entries
   */
  public Optional<String> auth() {
    return Optional.ofNullable(auth);
  }

  /**
   * Returns the email (ignored by registries, kept for old clients).
   *
   * @return the email, empty if none
   */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * Returns the identity token (an OAuth refresh token).
   *
   * @return the identity token, empty if none
   */
  public Optional<String> identityToken() {
    return Optional.ofNullable(identityToken);
  }

  /**
   * Returns the registry token (a bearer token).
   *
   * @return the registry token, empty if none
   */
  public Optional<String> registryToken() {
    return Optional.ofNullable(registryToken);
  }

  /**
   * Returns when these credentials stop working.
   *
   * @return the expiry; empty for credentials that do not expire (static docker configs)
   */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Returns the same credentials under another registry key.
   *
   * @param key the key to write them under
   * @return a copy with that key
   */
  RegistryCredential underKey(RegistryKey key) {
    return new RegistryCredential(this, key);
  }

  /**
   * Tells whether the credentials still work at an instant.
   *
   * @param now the instant
   * @return true when there is no expiry or it is after {@code now}
   */
  public boolean isValidAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }

  /**
   * Tells whether the input had username/password that disagreed with {@code auth}, and {@code
   * auth} won.
   *
   * @return true if the username or password given were replaced by those decoded from auth
   */
  public boolean authOverrodeUsernamePassword() {
    return authOverrodeUsernamePassword;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RegistryCredential)) {
      return false;
    }
    RegistryCredential that = (RegistryCredential) other;
    return registry.spelled().equals(that.registry.spelled())
        && Objects.equals(username, that.username)
        && Objects.equals(password, that.password)
        && Objects.equals(auth, that.auth)
        && Objects.equals(email, that.email)
        && Objects.equals(identityToken, that.identityToken)
        && Objects.equals(registryToken, that.registryToken)
        && Objects.equals(expiresAt, that.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        registry.spelled(),
        username,
        password,
        auth,
        email,
        identityToken,
        registryToken,
        expiresAt);
  }

  /** Names the registry and the fields that are set; never a value. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("RegistryCredential[").append(registry.spelled());
    out.append(", fields=[");
    String sep = "";
    String[][] fields = {
      {"username", username},
      {"password", password},
      {"auth", auth},
      {"email", email},
      {"identitytoken", identityToken},
      {"registrytoken", registryToken}
    };
    for (String[] field : fields) {
      if (field[1] != null) {
        out.append(sep).append(field[0]);
        sep = ", ";
      }
    }
    out.append(']');
    if (expiresAt != null) {
      out.append(", expiresAt=").append(expiresAt);
    }
    return out.append(']').toString();
  }

  /**
   * Collects the fields of one registry entry; {@link #build()} checks and completes them.
   *
   * <p>Not thread-safe; use one builder per entry.
   */
  public static final class Builder {
    private final RegistryKey registry;
    private String username;
    private String password;
    private String auth;
    private String email;
    private String identityToken;
    private String registryToken;
    private Instant expiresAt;

    private Builder(RegistryKey registry) {
      this.registry = registry;
    }

    /**
     * Sets the username.
     *
     * @param username the username; null or empty means none
     * @return this builder
     */
    public Builder username(String username) {
      this.username = blankToNull(username);
      return this;
    }

    /**
     * Sets the password.
     *
     * @param password the password; null or empty means none
     * @return this builder
     */
    public Builder password(String password) {
      this.password = blankToNull(password);
      return this;
    }

    /**
     * Sets the auth field, {@code base64(username:password)}.
     *
     * @param auth the auth field; null or empty means none
     * @return this builder
     */
    public Builder auth(String auth) {
      this.auth = blankToNull(auth);
      return this;
    }

    /**
     * Sets the email.
     *
     * @param email the email; null or empty means none
     * @return this builder
     */
    public Builder email(String email) {
      this.email = blankToNull(email);
      return this;
    }

    /**
     * Sets the identity token.
     *
     * @param identityToken the token; null or empty means none
     * @return this builder
     */
    public Builder identityToken(String identityToken) {
      this.identityToken = blankToNull(identityToken);
      return this;
    }

    /**
     * Sets the registry token.
     *
     * @param registryToken the token; null or empty means none
     * @return this builder
     */
    public Builder registryToken(String registryToken) {
      this.registryToken = blankToNull(registryToken);
      return this;
    }

    /**
     * Sets the expiry.
     *
     * @param expiresAt when the credentials stop working; null means never
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /**
     * Tells whether the fields set so far are credentials: {@code auth}, username and password, an
     * identity token or a registry token. An entry without (such as {@code {}} from a docker config
     * that keeps its secrets in a credential store) gives the kubelet nothing to log in with.
     *
     * @return false when {@link #build()} would fail for lack of credentials
     */
    public boolean hasCredentials() {
      return auth != null
          || (username != null && password != null)
          || identityToken != null
          || registryToken != null;
    }

    /**
     * Applies the auth rules and builds the credential.
     *
     * @return the credential
     * @throws CredentialException if {@code auth} is not base64 of UTF-8 {@code username:password},
     *     or the entry has no credentials at all (neither auth, username and password, identity
     *     token nor registry token); the message names the registry and the field, not the value
     */
    public RegistryCredential build() throws CredentialException {
      if (auth != null) {
        String decoded = decodeAuth();
        int colon = decoded.indexOf(':');
        String decodedUser = blankToNull(decoded.substring(0, colon));
        String decodedPassword = blankToNull(decoded.substring(colon + 1));
        boolean overrode =
            (username != null || password != null)
                && !(Objects.equals(username, decodedUser)
                    && Objects.equals(password, decodedPassword));
        return new RegistryCredential(this, decodedUser, decodedPassword, auth, overrode);
      }
      if (username != null && password != null) {
        String filled =
            Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new RegistryCredential(this, username, password, filled, false);
      }
      if (identityToken == null && registryToken == null) {
        throw new CredentialException(
            "registry "
                + SafeText.quote(registry.spelled())
                + " has no credentials: expected 'auth', 'username' and 'password',"
                + " 'identitytoken' or 'registrytoken'"
                + (username != null ? " (found 'username' without 'password')" : "")
                + (password != null ? " (found 'password' without 'username')" : ""));
      }
      return new RegistryCredential(this, username, password, null, false);
    }

    private String decodeAuth() throws CredentialException {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(auth);
      } catch (IllegalArgumentException e) {
        throw new CredentialException(
            "registry "
                + SafeText.quote(registry.spelled())
                + ": field 'auth' is not valid base64");
      }
      String decoded;
      try {
        decoded =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        throw new CredentialException(
            "registry "
                + SafeText.quote(registry.spelled())
                + ": field 'auth' does not decode to UTF-8 text");
      }
      if (decoded.indexOf(':') < 0) {
        throw new CredentialException(
            "registry "
                + SafeText.quote(registry.spelled())
                + ": field 'auth' does not decode to 'username:password' (no ':')");
      }
      return decoded;
    }

    private static String blankToNull(String value) {
      return value == null || value.isEmpty() ? null : value;
    }
  }
}
