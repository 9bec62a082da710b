package dev.imps.deploy;

import static dev.imps.deploy.Manifests.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import dev.imps.envtest.KubectlException;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every manifest the chart renders is accepted by a real kube-apiserver (server-side apply, dry
 * run, strict field validation), and its pod passes the Pod Security "restricted" level as the API
 * server enforces it.
 */
@EnableKubeControlPlane
class ChartDryRunIT {

  static final String SERVICE_MONITOR_CRD =
      "dev/imps/deploy/servicemonitors.monitoring.coreos.com.yaml";

  private final Chart chart = Chart.locate();

  @BeforeAll
  static void installServiceMonitorCrd(KubeControlPlane kube) throws IOException, ApiException {
    kube.installCrd(resource(SERVICE_MONITOR_CRD));
  }

  static List<String> valueSets() {
    return Chart.valueSets();
  }

  @ParameterizedTest(name = "with {0} every rendered object passes a server-side dry-run apply")
  @MethodSource("valueSets")
  void every_rendered_object_is_accepted_by_the_api_server(String valueSet, KubeControlPlane kube)
      throws ApiException {
    String namespace = kube.createNamespace("chart");
    Manifests rendered = chart.render("imps", namespace, chart.valuesArgs(valueSet));

    String applied = dryRunApply(kube, rendered.yaml());

    assertThat(applied.lines().filter(line -> line.endsWith("(server dry run)")))
        .as("kubectl output:\n%s", applied)
        .hasSize(rendered.objects().size());
  }

  @ParameterizedTest(name = "with {0} the operator pod is admitted under Pod Security restricted")
  @MethodSource("valueSets")
  void the_operator_pod_is_admitted_in_a_namespace_enforcing_restricted(
      String valueSet, KubeControlPlane kube) throws ApiException {
    String namespace = restrictedNamespace(kube);
    Manifests rendered = chart.render("imps", namespace, chart.valuesArgs(valueSet));

    String created = dryRunCreate(kube, podOf(rendered, namespace, UnaryOperator.identity()));

    assertThat(created).contains("created (server dry run)");
  }

  static Stream<Arguments> podsThatBreakRestricted() {
    return Stream.of(
        Arguments.of(
            "allowPrivilegeEscalation: true",
            (UnaryOperator<Map<String, Object>>)
                container -> with(container, "securityContext", "allowPrivilegeEscalation", true)),
        Arguments.of(
            "no capabilities dropped",
            (UnaryOperator<Map<String, Object>>)
                container -> with(container, "securityContext", "capabilities", Map.of())),
        Arguments.of(
            "runAsUser: 0",
            (UnaryOperator<Map<String, Object>>)
                container -> with(container, "securityContext", "runAsUser", 0)));
  }

  /** Shows that the admission check above can fail: the API server really enforces restricted. */
  @ParameterizedTest(name = "the same pod with {0} is rejected, so the check above can fail")
  @MethodSource("podsThatBreakRestricted")
  void a_pod_that_breaks_restricted_is_rejected(
      String change, UnaryOperator<Map<String, Object>> breakIt, KubeControlPlane kube)
      throws ApiException {
    String namespace = restrictedNamespace(kube);
    Manifests rendered = chart.render("imps", namespace);

    assertThatThrownBy(() -> dryRunCreate(kube, podOf(rendered, namespace, breakIt)))
        .isInstanceOf(KubectlException.class)
        .hasMessageContaining("violates PodSecurity \"restricted:latest\"");
  }

  static String dryRunApply(KubeControlPlane kube, String yaml) {
    return kube.kubectlWithInput(
        yaml,
        "apply",
        "--server-side",
        "--dry-run=server",
        "--force-conflicts",
        "--field-manager=imps-deploy-tests",
        "--validate=strict",
        "-f",
        "-");
  }

  private static String dryRunCreate(KubeControlPlane kube, String yaml) {
    return kube.kubectlWithInput(
        yaml, "create", "--dry-run=server", "--validate=strict", "-f", "-");
  }

  private static String restrictedNamespace(KubeControlPlane kube) throws ApiException {
    String namespace = kube.createNamespace("restricted");
    kube.kubectl(
        "label",
        "namespace",
        namespace,
        "pod-security.kubernetes.io/enforce=restricted",
        "pod-security.kubernetes.io/enforce-version=latest");
    return namespace;
  }

  /**
   * A Pod made from the Deployment's pod template, its first container changed by {@code change}.
   */
  @SuppressWarnings("unchecked")
  private static String podOf(
      Manifests rendered, String namespace, UnaryOperator<Map<String, Object>> change) {
    Map<String, Object> template = mapAt(rendered.single("Deployment"), "spec.template");
    Map<String, Object> spec = new LinkedHashMap<>(mapAt(template, "spec"));
    List<Object> containers = new java.util.ArrayList<>((List<Object>) spec.get("containers"));
    containers.set(0, change.apply(new LinkedHashMap<>((Map<String, Object>) containers.get(0))));
    spec.put("containers", containers);
    Map<String, Object> metadata = new LinkedHashMap<>(mapAt(template, "metadata"));
    metadata.put("name", "imps-operator-pod");
    metadata.put("namespace", namespace);
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", metadata);
    pod.put("spec", spec);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(pod);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> with(
      Map<String, Object> container, String section, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(container);
    Map<String, Object> inner =
        new LinkedHashMap<>((Map<String, Object>) copy.getOrDefault(section, Map.of()));
    inner.put(key, value);
    copy.put(section, inner);
    return copy;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ChartDryRunIT.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
