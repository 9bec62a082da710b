package dev.imps.credentials.testing;

import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Source secrets for tests. */
public final class Secrets {

  private Secrets() {}

  /**
   * A {@code kubernetes.io/dockerconfigjson} secret.
   *
   * @param name source name
   * @param json the {@code .dockerconfigjson} value
   * @return the secret
   */
  public static SourceSecret dockerConfigJson(String name, String json) {
    return SourceSecret.of(
        name,
        SecretFormats.TYPE_DOCKER_CONFIG_JSON,
        Map.of(SecretFormats.KEY_DOCKER_CONFIG_JSON, utf8(json)));
  }

  /**
   * A {@code kubernetes.io/dockercfg} secret.
   *
   * @param name source name
   * @param json the {@code .dockercfg} value
   * @return the secret
   */
  public static SourceSecret dockerCfg(String name, String json) {
    return SourceSecret.of(
        name, SecretFormats.TYPE_DOCKERCFG, Map.of(SecretFormats.KEY_DOCKERCFG, utf8(json)));
  }

  /**
   * A one-registry {@code .dockerconfigjson} secret with username and password.
   *
   * @param name source name
   * @param registry registry key
   * @param username user
   * @param password password
   * @return the secret
   */
  public static SourceSecret login(String name, String registry, String username, String password) {
    return dockerConfigJson(
        name,
        "{\"auths\":{\""
            + registry
            + "\":{\"username\":\""
            + username
            + "\",\"password\":\""
            + password
            + "\"}}}");
  }

  /**
   * An ECR login secret.
   *
   * @param name source name
   * @param keysAndValues alternating data keys and values
   * @return the secret
   */
  public static SourceSecret ecr(String name, String... keysAndValues) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      data.put(keysAndValues[i], utf8(keysAndValues[i + 1]));
    }
    return SourceSecret.of(name, SecretFormats.TYPE_ECR_LOGIN_CONFIG, data);
  }

  /**
   * UTF-8 bytes of a string.
   *
   * @param text the string
   * @return its bytes
   */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Base64 of UTF-8 text.
   *
   * @param text the text
   * @return the encoding
   */
  public static String b64(String text) {
    return Base64.getEncoder().encodeToString(utf8(text));
  }
}
