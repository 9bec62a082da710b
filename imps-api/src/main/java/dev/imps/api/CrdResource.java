package dev.imps.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code ImagePullSecret} CustomResourceDefinition ({@code apiextensions.k8s.io/v1}) as shipped
 * in this jar, for the controller, tests and the Helm chart to install.
 *
 * <p>The YAML is the one source of truth for the schema; a test keeps it in step with {@link
 * dev.imps.api.model}. Thread-safe.
 */
public final class CrdResource {

  /** The classpath location of the CRD YAML, {@value}. */
  public static final String RESOURCE_PATH =
      "dev/imps/api/imagepullsecrets.images.banzaicloud.io.yaml";

  private CrdResource() {}

  /**
   * Opens the CRD YAML. The caller closes the stream.
   *
   * @return a fresh stream of the UTF-8 YAML text
   * @throws IllegalStateException if the resource is missing from the classpath (a broken jar)
   */
  public static InputStream stream() {
    InputStream in = CrdResource.class.getClassLoader().getResourceAsStream(RESOURCE_PATH);
    if (in == null) {
      throw new IllegalStateException(
          "CRD resource " + RESOURCE_PATH + " is missing from the imps-api jar");
    }
    return in;
  }

  /**
   * Returns the CRD YAML text.
   *
   * @return the YAML, one document
   * @throws IllegalStateException if the resource is missing from the classpath
   * @throws UncheckedIOException if it cannot be read
   */
  public static String yaml() {
    try (InputStream in = stream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRD resource " + RESOURCE_PATH, e);
    }
  }
}
