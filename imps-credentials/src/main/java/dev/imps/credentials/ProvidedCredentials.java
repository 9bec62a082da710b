package dev.imps.credentials;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link CredentialProvider} read from one source: its registry credentials in the source's
 * own order, and warnings about things it accepted but the user should know (for example {@code
 * auth} overriding a disagreeing username/password, or a registry listed twice).
 *
 * <p>Immutable. Warnings never contain credential values.
 */
public final class ProvidedCredentials {

  private final List<RegistryCredential> credentials;
  private final List<String> warnings;

  private ProvidedCredentials(List<RegistryCredential> credentials, List<String> warnings) {
    this.credentials = credentials;
    this.warnings = warnings;
  }

  /**
   * Creates the result of reading a source.
   *
   * @param credentials the credentials, in the source's order; at most one per registry key
   * @param warnings warnings for the source's status, without credential values
   * @return the result
   * @throws IllegalArgumentException if two credentials have the same registry key
   */
  public static ProvidedCredentials of(
      List<RegistryCredential> credentials, List<String> warnings) {
    List<RegistryCredential> copy = List.copyOf(credentials);
    long distinct = copy.stream().map(RegistryCredential::registry).distinct().count();
    if (distinct != copy.size()) {
      throw new IllegalArgumentException("credentials must use each registry key at most once");
    }
    return new ProvidedCredentials(copy, List.copyOf(warnings));
  }

  /**
   * Creates a result without warnings.
   *
   * @param credentials the credentials, in the source's order
   * @return the result
   */
  public static ProvidedCredentials of(List<RegistryCredential> credentials) {
    return of(credentials, List.of());
  }

  /**
   * Returns the credentials.
   *
   * @return the credentials, in the source's order
   */
  public List<RegistryCredential> credentials() {
    return credentials;
  }

  /**
   * Returns the warnings.
   *
   * @return the warnings, without credential values
   */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProvidedCredentials
        && credentials.equals(((ProvidedCredentials) other).credentials)
        && warnings.equals(((ProvidedCredentials) other).warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(credentials, warnings);
  }

  @Override
  public String toString() {
    return "ProvidedCredentials[credentials=" + credentials + ", warnings=" + warnings + "]";
  }
}
