package dev.imps.credentials;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Picks the {@link CredentialProvider} for a source by its secret type.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * CredentialProviders providers =
 *     CredentialProviders.of(
 *         new StaticCredentialProvider(),
 *         EcrCredentialProvider.create(EcrTokenCache.create(), AwsClients.create()));
 * }</pre>
 */
public final class CredentialProviders {

  private static final List<String> ECR_KEYS =
      List.of(
          SecretFormats.KEY_ECR_REGION,
          SecretFormats.KEY_ECR_ACCESS_KEY_ID,
          SecretFormats.KEY_ECR_SECRET_KEY,
          SecretFormats.KEY_ECR_ACCOUNT_ID,
          SecretFormats.KEY_ECR_ROLE_ARN);

  private final Map<String, CredentialProvider> byType;

  private CredentialProviders(Map<String, CredentialProvider> byType) {
    this.byType = byType;
  }

  /**
   * Creates the registry.
   *
   * @param providers the providers; each secret type may be claimed by one provider only
   * @return the registry
   * @throws IllegalArgumentException if two providers claim the same type, or one claims none
   */
  public static CredentialProviders of(CredentialProvider... providers) {
    return of(List.of(providers));
  }

  /**
   * Creates the registry.
   *
   * @param providers the providers; each secret type may be claimed by one provider only
   * @return the registry
   * @throws IllegalArgumentException if two providers claim the same type, or one claims none
   */
  public static CredentialProviders of(List<? extends CredentialProvider> providers) {
    Map<String, CredentialProvider> byType = new LinkedHashMap<>();
    for (CredentialProvider provider : providers) {
      Objects.requireNonNull(provider, "provider must not be null");
      if (provider.secretTypes().isEmpty()) {
        throw new IllegalArgumentException(
            "provider " + provider.getClass().getName() + " reads no secret type");
      }
      for (String type : provider.secretTypes()) {
        CredentialProvider previous = byType.putIfAbsent(type, provider);
        if (previous != null) {
          throw new IllegalArgumentException(
              "secret type "
                  + type
                  + " is claimed by both "
                  + previous.getClass().getName()
                  + " and "
                  + provider.getClass().getName());
        }
      }
    }
    return new CredentialProviders(Collections.unmodifiableMap(byType));
  }

  /**
   * Returns every secret type some provider reads.
   *
   * @return the types, sorted
   */
  public SortedSet<String> secretTypes() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byType.keySet()));
  }

  /**
   * Returns the provider for a source.
   *
   * @param secret the source
   * @return the provider for its type
   * @throws CredentialException if no provider reads the type: "source X: unknown secret type Y;
   *     expected one of ..."
   */
  public CredentialProvider providerFor(SourceSecret secret) throws CredentialException {
    CredentialProvider provider = byType.get(secret.type());
    if (provider == null) {
      throw new CredentialException(
          "source "
              + SafeText.quote(secret.name())
              + ": unknown secret type "
              + SafeText.quote(secret.type())
              + "; expected one of "
              + String.join(", ", secretTypes()));
    }
    return provider;
  }

  /**
   * Reads a source with the provider for its type.
   *
   * @param secret the source
   * @return its credentials
   * @throws CredentialException if the type is unknown or the provider fails
   * @see #isOpaqueEcrSecret(SourceSecret)
   */
  public ProvidedCredentials provide(SourceSecret secret) throws CredentialException {
    CredentialProvider ecr = byType.get(SecretFormats.TYPE_ECR_LOGIN_CONFIG);
    if (ecr != null && isOpaqueEcrSecret(secret)) {
      ProvidedCredentials provided = ecr.provide(secret);
      List<String> warnings = new ArrayList<>(provided.warnings());
      warnings.add(
          "secret type is "
              + SecretFormats.TYPE_OPAQUE
              + " but its keys are those of an ECR login config, so it is read as one;"
              + " set type "
              + SecretFormats.TYPE_ECR_LOGIN_CONFIG
              + " to say so");
      return ProvidedCredentials.of(provided.credentials(), warnings);
    }
    return providerFor(secret).provide(secret);
  }

  /**
   * Tells whether a secret is an ECR login config without its type, as banzaicloud IMPS's README
   * showed it: type {@value SecretFormats#TYPE_OPAQUE}, key {@value SecretFormats#KEY_ECR_REGION}
   * and at least one more ECR key, and no {@value SecretFormats#KEY_DOCKER_CONFIG_JSON}.
   *
   * @param secret the source
   * @return true when {@link #provide} reads it as an ECR login config
   */
  public static boolean isOpaqueEcrSecret(SourceSecret secret) {
    Set<String> keys = secret.keys();
    return secret.type().equals(SecretFormats.TYPE_OPAQUE)
        && keys.contains(SecretFormats.KEY_ECR_REGION)
        && !keys.contains(SecretFormats.KEY_DOCKER_CONFIG_JSON)
        && ECR_KEYS.stream().filter(keys::contains).count() >= 2;
  }
}
