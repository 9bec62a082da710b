package dev.imps.controller.it.support;

/**
 * A source secret an {@code ImagePullSecret} lists under {@code spec.registry.credentials}.
 *
 * @param namespace its namespace
 * @param name its name
 */
public record SourceSecret(String namespace, String name) {}
