/**
 * Registry credentials for image pull secrets: read sources, merge them into one canonical {@code
 * .dockerconfigjson}, remember what worked.
 *
 * <p>The entry point is {@link dev.imps.credentials.PullSecretRenderer}: give it the sources of one
 * pull secret in spec order as {@link dev.imps.credentials.SourceInput}s and it returns a {@link
 * dev.imps.credentials.MergedConfig} with the rendered bytes, the earliest expiry and one {@link
 * dev.imps.credentials.SourceStatus} per source. Which {@link
 * dev.imps.credentials.CredentialProvider} reads a source is chosen by its secret type through
 * {@link dev.imps.credentials.CredentialProviders}; the providers live in {@code
 * dev.imps.credentials.docker} (static docker configs) and {@code dev.imps.credentials.ecr} (AWS
 * ECR tokens).
 *
 * <pre>{@code
 * CredentialProviders providers = CredentialProviders.of(new StaticCredentialProvider(),
 *     EcrCredentialProvider.create(EcrTokenCache.create(), AwsClients.create()));
 * PullSecretRenderer renderer = PullSecretRenderer.create(providers); // one per consumer
 * MergedConfig merged = renderer.render(List.of(SourceInput.present(
 *     SourceSecret.of("apps/pull", SecretFormats.TYPE_DOCKER_CONFIG_JSON, data))));
 * if (merged.isUsable()) write(merged.dockerConfigJson());
 * }</pre>
 *
 * <p>Inputs are plain {@code (secret type, Map<String, byte[]> data, source name)} values, so the
 * module needs no Kubernetes client. No message, status, exception or {@code toString()} of this
 * module contains a credential value; logging is through {@link java.lang.System.Logger} at debug
 * level at most.
 */
package dev.imps.credentials;
