package dev.imps.envtest;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Installs CustomResourceDefinitions by server-side apply and waits until the API server serves
 * them.
 *
 * <p>The document is sent as parsed from YAML, not through client-java's typed model: {@code
 * V1JSONSchemaProps} serialises its empty {@code dependencies} map, which the API server rejects
 * for structural schemas ("dependencies is not supported").
 */
final class CustomResourceDefinitions {

  /** The field manager of the apply; shows in {@code managedFields}. */
  static final String FIELD_MANAGER = "imps-envtest";

  private CustomResourceDefinitions() {}

  /**
   * Applies the CRD server-side (creating or updating it), then waits until it is Established and
   * every served version lists it in API discovery, so kubectl and informers see it at once.
   *
   * @param admin a client allowed to manage CRDs
   * @param yaml one CustomResourceDefinition document
   * @param timeout how long to wait for it to be served
   * @return the CRD as the API server stored it
   * @throws IllegalArgumentException if {@code yaml} is not a CustomResourceDefinition with a name
   * @throws ApiException if the API server rejects the CRD
   */
  static V1CustomResourceDefinition install(ApiClient admin, String yaml, Duration timeout)
      throws ApiException {
    Map<?, ?> document = parse(yaml);
    String name = String.valueOf(((Map<?, ?>) document.get("metadata")).get("name"));
    PatchUtils.patch(
        Object.class,
        () ->
            new CustomObjectsApi(admin)
                .patchClusterCustomObject(
                    "apiextensions.k8s.io",
                    "v1",
                    "customresourcedefinitions",
                    name,
                    new V1Patch(JSON.serialize(document)))
                .fieldManager(FIELD_MANAGER)
                .force(true)
                .buildCall(null),
        V1Patch.PATCH_FORMAT_APPLY_YAML,
        admin);
    ApiextensionsV1Api api = new ApiextensionsV1Api(admin);
    V1CustomResourceDefinition[] stored = new V1CustomResourceDefinition[1];
    Poll.until(
        "CRD " + name + " to be Established",
        timeout,
        Duration.ofMillis(100),
        () -> {},
        () -> isEstablished(stored[0] = api.readCustomResourceDefinition(name).execute()));
    V1CustomResourceDefinition crd = stored[0];
    String group = crd.getSpec().getGroup();
    String plural = crd.getSpec().getNames().getPlural();
    for (var version : crd.getSpec().getVersions()) {
      if (Boolean.TRUE.equals(version.getServed())) {
        Poll.until(
            "discovery of /apis/" + group + "/" + version.getName() + " to list " + plural,
            timeout,
            Duration.ofMillis(100),
            () -> {},
            () -> discoveryLists(admin, group, version.getName(), plural));
      }
    }
    return crd;
  }

  private static Map<?, ?> parse(String yaml) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(tree instanceof Map<?, ?> document)
        || !"CustomResourceDefinition".equals(document.get("kind"))
        || !(document.get("metadata") instanceof Map<?, ?> metadata)
        || metadata.get("name") == null) {
      throw new IllegalArgumentException(
          "not a CustomResourceDefinition document with metadata.name");
    }
    return document;
  }

  private static boolean isEstablished(V1CustomResourceDefinition crd) {
    return crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean discoveryLists(
      ApiClient admin, String group, String version, String plural) throws ApiException {
    V1APIResourceList list = new CustomObjectsApi(admin).getAPIResources(group, version).execute();
    List<String> names = list.getResources().stream().map(r -> r.getName()).toList();
    return names.contains(plural);
  }
}
