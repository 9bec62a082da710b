package dev.imps.credentials;

import java.util.Set;

/**
 * Reads registry credentials from one kind of source secret.
 *
 * <p>Implementations must be thread-safe: one instance serves every pull secret, from several
 * worker threads. They must not put credential values into exception messages, and they may block
 * (for example on a network call).
 */
public interface CredentialProvider {

  /**
   * Returns the secret types this provider reads.
   *
   * @return the types, e.g. {@value SecretFormats#TYPE_DOCKER_CONFIG_JSON}; never empty
   */
  Set<String> secretTypes();

  /**
   * Reads the credentials of a source.
   *
   * @param secret the source, of one of {@link #secretTypes()}
   * @return its credentials and warnings
   * @throws CredentialException if the source is malformed or the credentials cannot be had; the
   *     message names the source and never contains a credential value
   */
  ProvidedCredentials provide(SourceSecret secret) throws CredentialException;
}
