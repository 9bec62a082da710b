/**
 * Static docker configs: the {@code kubernetes.io/dockerconfigjson} and legacy {@code
 * kubernetes.io/dockercfg} formats, read by {@link
 * dev.imps.credentials.docker.StaticCredentialProvider}.
 */
package dev.imps.credentials.docker;
