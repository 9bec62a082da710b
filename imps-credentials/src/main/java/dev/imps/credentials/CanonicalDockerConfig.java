package dev.imps.credentials;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes credentials as a canonical {@code .dockerconfigjson}: registry keys sorted, entry fields
 * sorted, absent fields left out, no whitespace. The output depends only on the credentials, so
 * equal inputs give equal bytes.
 */
final class CanonicalDockerConfig {

  private CanonicalDockerConfig() {}

  static byte[] render(List<RegistryCredential> credentials) {
    StringWriter text = new StringWriter();
    try (JsonWriter json = new JsonWriter(text)) {
      json.setHtmlSafe(false);
      json.setSerializeNulls(false);
      json.beginObject().name("auths").beginObject();
      List<RegistryCredential> sorted =
          credentials.stream().sorted(Comparator.comparing(c -> c.registry().spelled())).toList();
      for (RegistryCredential credential : sorted) {
        json.name(credential.registry().spelled()).beginObject();
        // Field names in sorted order.
        field(json, "auth", credential.auth());
        field(json, "email", credential.email());
        field(json, "identitytoken", credential.identityToken());
        field(json, "password", credential.password());
        field(json, "registrytoken", credential.registryToken());
        field(json, "username", credential.username());
        json.endObject();
      }
      json.endObject().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void field(JsonWriter json, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      json.name(name).value(value.get());
    }
  }
}
