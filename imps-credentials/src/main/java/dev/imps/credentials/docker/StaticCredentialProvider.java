package dev.imps.credentials.docker;

import dev.imps.credentials.CredentialException;
import dev.imps.credentials.CredentialProvider;
import dev.imps.credentials.ProvidedCredentials;
import dev.imps.credentials.SafeText;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads static docker configs: secrets of type {@value SecretFormats#TYPE_DOCKER_CONFIG_JSON} (key
 * {@value SecretFormats#KEY_DOCKER_CONFIG_JSON}) and {@value SecretFormats#TYPE_DOCKERCFG} (key
 * {@value SecretFormats#KEY_DOCKERCFG}). Their credentials do not expire.
 *
 * <p>Stateless and thread-safe. See {@link DockerConfigParser} for the format rules.
 */
public final class StaticCredentialProvider implements CredentialProvider {

  private static final Set<String> TYPES =
      Set.of(SecretFormats.TYPE_DOCKER_CONFIG_JSON, SecretFormats.TYPE_DOCKERCFG);

  /** Creates the provider. */
  public StaticCredentialProvider() {}

  /**
   * Returns the two docker config secret types.
   *
   * @return {@value SecretFormats#TYPE_DOCKER_CONFIG_JSON} and {@value
   *     SecretFormats#TYPE_DOCKERCFG}
   */
  @Override
  public Set<String> secretTypes() {
    return TYPES;
  }

  /**
   * Parses the secret's docker config.
   *
   * @param secret a secret of one of the two types
   * @return its credentials, without expiry
   * @throws CredentialException if the key is missing or the value malformed
   * @throws IllegalArgumentException if the secret's type is not one of {@link #secretTypes()}
   */
  @Override
  public ProvidedCredentials provide(SourceSecret secret) throws CredentialException {
    boolean current = secret.type().equals(SecretFormats.TYPE_DOCKER_CONFIG_JSON);
    if (!current && !secret.type().equals(SecretFormats.TYPE_DOCKERCFG)) {
      throw new IllegalArgumentException(
          "source " + SafeText.quote(secret.name()) + " is not a docker config secret");
    }
    String key = current ? SecretFormats.KEY_DOCKER_CONFIG_JSON : SecretFormats.KEY_DOCKERCFG;
    byte[] value = secret.value(key).orElse(null);
    if (value == null) {
      throw new CredentialException(
          "source "
              + SafeText.quote(secret.name())
              + ": missing key "
              + SafeText.quote(key)
              + (secret.keys().isEmpty()
                  ? " (the secret has no data)"
                  : " (found keys "
                      + secret.keys().stream()
                          .map(SafeText::quote)
                          .collect(Collectors.joining(", "))
                      + ")"));
    }
    return current
        ? DockerConfigParser.parseDockerConfigJson(secret.name(), value)
        : DockerConfigParser.parseDockerCfg(secret.name(), value);
  }
}
