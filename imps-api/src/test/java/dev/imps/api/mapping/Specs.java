package dev.imps.api.mapping;

import dev.imps.api.YamlTestResources;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import io.kubernetes.client.openapi.JSON;

/** Reads specs from YAML the way the controller gets them: through client-java's JSON. */
final class Specs {

  /** A registry part that is valid, for specs about the target. */
  static final String REGISTRY =
      """
      registry:
        credentials:
          - {name: registry-credentials, namespace: registry-access}
      """;

  private Specs() {}

  /** Parses a spec given as YAML (the content of {@code spec:}). */
  static ImagePullSecretSpec spec(String yaml) {
    return JSON.deserialize(YamlTestResources.parse(yaml).toString(), ImagePullSecretSpec.class);
  }

  /** Parses a spec with a valid registry and the given {@code target:} content. */
  static ImagePullSecretSpec target(String targetYaml) {
    String indented = targetYaml.strip().indent(2);
    return spec(REGISTRY + "target:\n" + indented);
  }

  /** Reads one of the IMPS documentation examples. */
  static ImagePullSecret example(String name) {
    return JSON.deserialize(
        YamlTestResources.tree("dev/imps/api/examples/" + name).toString(), ImagePullSecret.class);
  }
}
