package dev.imps.credentials.docker;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.imps.credentials.CredentialException;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.RegistryCredential;
import dev.imps.credentials.RegistryKey;
import dev.imps.credentials.SafeText;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SecretValueText;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses docker configs into {@link RegistryCredential}s.
 *
 * <p>Two formats: {@code .dockerconfigjson} ({@code {"auths": {"<registry>": {...}}}}, other
 * top-level fields such as {@code credsStore} ignored) and the legacy {@code .dockercfg} (the
 * {@code auths} map itself). Each entry may have {@code username}, {@code password}, {@code auth},
 * {@code email}, {@code identitytoken} and {@code registrytoken}; other entry fields are ignored;
 * {@code null} counts as absent. The auth rules of {@link RegistryCredential.Builder#build()}
 * apply.
 *
 * <p>Registry keys that are no host name ({@link RegistryKey#looksLikeHost()}) are skipped with a
 * warning that gives their position, not their text, since such a key may be a misplaced
 * credential; docker would never use them anyway.
 *
 * <p>Strict: the value must be UTF-8, at most {@value SecretFormats#MAX_VALUE_BYTES} bytes, one
 * JSON object (RFC 8259, no comments or trailing data), and every known field a string. Lenient
 * where the kubelet and banzaicloud IMPS are: a {@code .dockerconfigjson} without {@code auths}
 * (such as {@code {}}) gives no credentials and a warning, and an entry without credentials (such
 * as {@code "https://index.docker.io/v1/": {}} from a docker config that uses a credential store)
 * is skipped with a warning while the rest of the source counts. Keys are kept exactly as spelled:
 * {@code docker.io} and {@code https://index.docker.io/v1/} are two entries, as for the kubelet;
 * only the very same key twice in one document (a JSON duplicate) keeps the first, with a warning.
 *
 * <p>Every failure is a {@link CredentialException} whose message starts with the source and key,
 * e.g. {@code source 'apps/pull': key '.dockerconfigjson': registry 'ghcr.io': field 'auth' is not
 * valid base64}. Messages never contain a value, and for syntax errors not even a key, only the
 * line and column. Stateless and thread-safe.
 */
public final class DockerConfigParser {

  private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

  private DockerConfigParser() {}

  /**
   * Parses a {@code .dockerconfigjson} value.
   *
   * @param source the source's name, for messages
   * @param value the raw value
   * @return the credentials in document order, without expiry, and warnings
   * @throws CredentialException if the value is malformed
   */
  public static ProvidedCredentials parseDockerConfigJson(String source, byte[] value)
      throws CredentialException {
    return new Parse(source, SecretFormats.KEY_DOCKER_CONFIG_JSON).run(value, true);
  }

  /**
   * Parses a legacy {@code .dockercfg} value.
   *
   * @param source the source's name, for messages
   * @param value the raw value
   * @return the credentials in document order, without expiry, and warnings
   * @throws CredentialException if the value is malformed
   */
  public static ProvidedCredentials parseDockerCfg(String source, byte[] value)
      throws CredentialException {
    return new Parse(source, SecretFormats.KEY_DOCKERCFG).run(value, false);
  }

  /** One parse: carries the names for messages. */
  private static final class Parse {
    private final String prefix;
    private final String key;
    private final List<RegistryCredential> credentials = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();

    Parse(String source, String key) {
      this.key = key;
      this.prefix = "source " + SafeText.quote(source) + ": key " + SafeText.quote(key) + ": ";
    }

    ProvidedCredentials run(byte[] value, boolean wrapped) throws CredentialException {
      String text = decode(value);
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      try {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
          throw error("is not a JSON object");
        }
        if (wrapped) {
          readWrapper(reader);
        } else {
          readAuths(reader, false);
        }
        if (reader.peek() != JsonToken.END_DOCUMENT) {
          throw error("has data after the JSON object");
        }
      } catch (IOException | IllegalStateException | NumberFormatException e) {
        throw error("is not valid JSON" + location(reader));
      }
      return ProvidedCredentials.of(credentials, warnings);
    }

    private String decode(byte[] value) throws CredentialException {
      String text = SecretValueText.decode(value, this::error);
      if (text.isBlank()) {
        throw error("is empty");
      }
      return text;
    }

    private void readWrapper(JsonReader reader) throws IOException, CredentialException {
      boolean foundAuths = false;
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equals("auths") && !foundAuths) {
          foundAuths = true;
          if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw error("field 'auths' must be an object");
          }
          readAuths(reader, true);
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      if (!foundAuths) {
        // The kubelet and IMPS read a config without 'auths' (such as '{}') as no credentials.
        warnings.add(
            "key "
                + SafeText.quote(key)
                + " has no 'auths' object, so it gives no credentials (the legacy format without"
                + " 'auths' belongs in a secret of type "
                + SecretFormats.TYPE_DOCKERCFG
                + " under key "
                + SecretFormats.KEY_DOCKERCFG
                + ")");
      }
    }

    private void readAuths(JsonReader reader, boolean wrapped)
        throws IOException, CredentialException {
      reader.beginObject();
      int ordinal = 0;
      while (reader.hasNext()) {
        ordinal++;
        String registry = reader.nextName();
        if (!wrapped && registry.equals("auths")) {
          throw error(
              "has an 'auths' object (that format belongs in a secret of type "
                  + SecretFormats.TYPE_DOCKER_CONFIG_JSON
                  + " under key "
                  + SecretFormats.KEY_DOCKER_CONFIG_JSON
                  + ")");
        }
        if (!looksLikeHost(registry)) {
          // Not quoted: a key that is no host name may be a credential in the wrong place.
          reader.skipValue();
          warnings.add(
              "key "
                  + SafeText.quote(key)
                  + ": registry key #"
                  + ordinal
                  + " is not a registry host name (like ghcr.io or registry.local:5000)"
                  + " and is ignored");
          continue;
        }
        JsonToken token = reader.peek();
        if (token != JsonToken.BEGIN_OBJECT) {
          throw error("registry " + SafeText.quote(registry) + " must be an object");
        }
        RegistryCredential credential = readEntry(reader, registry);
        if (credential == null) {
          warnings.add(
              "key "
                  + SafeText.quote(key)
                  + ": registry "
                  + SafeText.quote(registry)
                  + " has no credentials (no 'auth', 'username' and 'password', 'identitytoken'"
                  + " or 'registrytoken'; a credential store entry?) and is skipped");
        } else if (!seen.add(registry)) {
          warnings.add(
              "key "
                  + SafeText.quote(key)
                  + ": registry "
                  + SafeText.quote(registry)
                  + " appears twice in the same source; the first is used");
        } else {
          credentials.add(credential);
          if (credential.authOverrodeUsernamePassword()) {
            warnings.add(
                "registry "
                    + SafeText.quote(registry)
                    + ": 'username'/'password' disagree with 'auth'; 'auth' wins");
          }
        }
      }
      reader.endObject();
    }

    private RegistryCredential readEntry(JsonReader reader, String registry)
        throws IOException, CredentialException {
      RegistryCredential.Builder builder = RegistryCredential.builder(registry);
      reader.beginObject();
      while (reader.hasNext()) {
        String field = reader.nextName();
        switch (field) {
          case "username":
            builder.username(string(reader, registry, field));
            break;
          case "password":
            builder.password(string(reader, registry, field));
            break;
          case "auth":
            builder.auth(string(reader, registry, field));
            break;
          case "email":
            builder.email(string(reader, registry, field));
            break;
          case "identitytoken":
            builder.identityToken(string(reader, registry, field));
            break;
          case "registrytoken":
            builder.registryToken(string(reader, registry, field));
            break;
          default:
            reader.skipValue();
            break;
        }
      }
      reader.endObject();
      if (!builder.hasCredentials()) {
        return null;
      }
      try {
        return builder.build();
      } catch (CredentialException e) {
        throw error(e.getMessage());
      }
    }

    private String string(JsonReader reader, String registry, String field)
        throws IOException, CredentialException {
      JsonToken token = reader.peek();
      if (token == JsonToken.NULL) {
        reader.nextNull();
        return null;
      }
      if (token != JsonToken.STRING) {
        throw error(
            "registry "
                + SafeText.quote(registry)
                + ": field "
                + SafeText.quote(field)
                + " must be a string, not "
                + describe(token));
      }
      return reader.nextString();
    }

    private CredentialException error(String what) {
      return new CredentialException(prefix + what);
    }
  }

  private static boolean looksLikeHost(String registry) {
    try {
      return RegistryKey.of(registry).looksLikeHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case BEGIN_ARRAY:
        return "an array";
      case BEGIN_OBJECT:
        return "an object";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      default:
        return token.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Line and column of a syntax error; the reader's path is left out as it may hold odd keys. */
  private static String location(JsonReader reader) {
    Matcher m = LOCATION.matcher(reader.toString());
    return m.find() ? " (line " + m.group(1) + ", column " + m.group(2) + ")" : "";
  }
}
