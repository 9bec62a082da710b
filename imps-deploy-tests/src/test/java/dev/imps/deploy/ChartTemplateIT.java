package dev.imps.deploy;

import static dev.imps.deploy.Manifests.at;
import static dev.imps.deploy.Manifests.listAt;
import static dev.imps.deploy.Manifests.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.imps.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code helm template} renders for the values a user sets. */
class ChartTemplateIT {

  private static final String NAMESPACE = "imps-system";
  private static final String RELEASE = "imps";

  private final Chart chart = Chart.locate();

  static Stream<Arguments> objectsPerValueSet() {
    return Stream.of(
        Arguments.of(
            Chart.DEFAULTS,
            List.of(
                "ServiceAccount",
                "CustomResourceDefinition",
                "ClusterRole",
                "ClusterRoleBinding",
                "Role",
                "RoleBinding",
                "Role",
                "RoleBinding",
                "Service",
                "Deployment")),
        Arguments.of(
            "all-features-values.yaml",
            List.of(
                "ServiceAccount",
                "Secret",
                "CustomResourceDefinition",
                "ClusterRole",
                "ClusterRoleBinding",
                "Role",
                "RoleBinding",
                "Role",
                "RoleBinding",
                "Service",
                "Deployment",
                "ImagePullSecret",
                "PodDisruptionBudget",
                "ServiceMonitor")),
        Arguments.of("minimal-values.yaml", List.of("Deployment")),
        Arguments.of(
            "imps-values.yaml",
            List.of(
                "ServiceAccount",
                "CustomResourceDefinition",
                "ClusterRole",
                "ClusterRoleBinding",
                "Role",
                "RoleBinding",
                "Role",
                "RoleBinding",
                "Service",
                "Deployment",
                "ImagePullSecret")));
  }

  @ParameterizedTest(name = "{0} renders {1}")
  @MethodSource("objectsPerValueSet")
  void each_value_set_renders_exactly_these_objects(String valueSet, List<String> kinds) {
    Manifests rendered = chart.render(RELEASE, NAMESPACE, chart.valuesArgs(valueSet));

    assertThat(rendered.kinds()).containsExactlyInAnyOrderElementsOf(kinds);
  }

  @Test
  void every_namespaced_object_lands_in_the_release_namespace() {
    Manifests rendered =
        chart.render(RELEASE, "team-a", chart.valuesArgs("all-features-values.yaml"));

    List<String> clusterScoped =
        List.of("CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "ImagePullSecret");
    for (Map<String, Object> object : rendered.objects()) {
      Object namespace = at(object, "metadata.namespace");
      String what = object.get("kind") + " " + Manifests.name(object);
      if (clusterScoped.contains(object.get("kind"))) {
        assertThat(namespace).as("%s has no namespace", what).isNull();
      } else if (Manifests.name(object).equals("imps-events")) {
        // Events about the cluster-scoped ImagePullSecret are recorded in namespace default.
        assertThat(namespace).as("namespace of %s", what).isEqualTo("default");
      } else {
        assertThat(namespace).as("namespace of %s", what).isEqualTo("team-a");
      }
    }
  }

  @Test
  void the_rendered_crd_is_the_imps_api_crd_plus_the_chart_labels() throws IOException {
    Map<String, Object> rendered =
        chart.render(RELEASE, NAMESPACE).single("CustomResourceDefinition");
    Map<String, Object> source =
        Manifests.parse(Files.readString(chart.layout().crdSource()))
            .single("CustomResourceDefinition");

    Map<String, Object> renderedMetadata = new HashMap<>(mapAt(rendered, "metadata"));
    assertThat(renderedMetadata.remove("labels"))
        .asInstanceOf(MAP)
        .containsEntry("app.kubernetes.io/part-of", "imps");
    assertThat(renderedMetadata.remove("annotations"))
        .isEqualTo(Map.of("helm.sh/resource-policy", "keep"));
    assertThat(renderedMetadata).isEqualTo(source.get("metadata"));
    assertThat(rendered.get("spec")).isEqualTo(source.get("spec"));
  }

  @Test
  void crd_install_false_leaves_the_crd_out_and_crd_keep_false_drops_the_keep_policy() {
    assertThat(chart.render(RELEASE, NAMESPACE, "--set", "crd.install=false").kinds())
        .doesNotContain("CustomResourceDefinition");
    assertThat(
            at(
                chart
                    .render(RELEASE, NAMESPACE, "--set", "crd.keep=false")
                    .single("CustomResourceDefinition"),
                "metadata.annotations"))
        .isNull();
  }

  static Stream<Arguments> serviceAccountRulePerSetting() {
    return Stream.of(
        Arguments.of("true", List.of("get", "list", "watch", "patch")),
        Arguments.of("false", List.of()));
  }

  @ParameterizedTest(
      name =
          "serviceAccountPatching.enabled={0} passes the flag and grants {1} on serviceaccounts,"
              + " nothing else changes")
  @MethodSource("serviceAccountRulePerSetting")
  void service_account_patching_switches_the_flag_and_only_the_serviceaccounts_rule(
      String enabled, List<String> verbs) {
    List<Permission> with =
        Permission.of(
            chart
                .render(RELEASE, NAMESPACE, "--set", "serviceAccountPatching.enabled=true")
                .single("ClusterRole"));
    assertThat(with).isNotEmpty();
    Manifests manifests =
        chart.render(RELEASE, NAMESPACE, "--set", "serviceAccountPatching.enabled=" + enabled);
    List<Permission> rendered = Permission.of(manifests.single("ClusterRole"));

    assertThat(containerArgs(manifests)).contains("--service-account-patching=" + enabled);
    assertThat(rendered.stream().filter(p -> p.resource().equals("serviceaccounts")))
        .extracting(Permission::verb)
        .containsExactlyInAnyOrderElementsOf(verbs);
    assertThat(rendered.stream().filter(p -> !p.resource().equals("serviceaccounts")))
        .containsExactlyInAnyOrderElementsOf(
            with.stream().filter(p -> !p.resource().equals("serviceaccounts")).toList());
  }

  @Test
  void the_roles_grant_no_wildcards_and_write_only_secrets_serviceaccounts_status_events_leases() {
    List<Permission> permissions = Permission.granted(chart.render(RELEASE, NAMESPACE));

    assertThat(permissions)
        .allSatisfy(
            p -> {
              assertThat(p.group()).isNotEqualTo("*");
              assertThat(p.resource()).isNotEqualTo("*");
              assertThat(p.verb()).isNotEqualTo("*");
            });
    assertThat(
            permissions.stream()
                .filter(p -> !List.of("get", "list", "watch").contains(p.verb()))
                .map(Permission::resource)
                .distinct())
        .containsExactlyInAnyOrder(
            "secrets", "serviceaccounts", "imagepullsecrets/status", "events", "leases");
    assertThat(permissions.stream().filter(p -> !p.scope().equals(Permission.CLUSTER)))
        .extracting(Permission::scope, Permission::resource)
        .containsOnly(tuple("default", "events"), tuple(NAMESPACE, "leases"));
    assertThat(permissions.stream().filter(p -> p.resource().equals("serviceaccounts")))
        .extracting(Permission::verb)
        .doesNotContain("create", "update", "delete");
  }

  @ParameterizedTest(
      name = "leaderElection.enabled={0}: a lease Role in the release namespace and the flag")
  @ValueSource(booleans = {true, false})
  void leader_election_brings_a_lease_role_in_the_release_namespace_and_the_flag(boolean enabled) {
    Manifests rendered =
        chart.render(RELEASE, "team-a", "--set", "leaderElection.enabled=" + enabled);

    List<Permission> leases =
        Permission.granted(rendered).stream().filter(p -> p.resource().equals("leases")).toList();
    if (enabled) {
      assertThat(leases)
          .extracting(Permission::scope, Permission::group, Permission::verb)
          .containsExactlyInAnyOrder(
              tuple("team-a", "coordination.k8s.io", "get"),
              tuple("team-a", "coordination.k8s.io", "create"),
              tuple("team-a", "coordination.k8s.io", "update"));
    } else {
      assertThat(leases).isEmpty();
    }
    assertThat(containerArgs(rendered)).contains("--config-namespace=team-a");
    assertThat(containerArgs(rendered).contains("--enable-leader-election")).isEqualTo(enabled);
  }

  static Stream<Arguments> strategies() {
    return Stream.of(
        Arguments.of(
            List.of(),
            Map.of(
                "type",
                "RollingUpdate",
                "rollingUpdate",
                Map.of("maxSurge", 1, "maxUnavailable", 0))),
        Arguments.of(List.of("leaderElection.enabled=false"), Map.of("type", "Recreate")),
        Arguments.of(
            List.of("leaderElection.enabled=false", "updateStrategy.type=RollingUpdate"),
            Map.of("type", "RollingUpdate")));
  }

  @ParameterizedTest(name = "with {0} the Deployment updates by {1}")
  @MethodSource("strategies")
  void a_new_pod_starts_before_the_old_stops_only_under_leader_election(
      List<String> sets, Map<String, Object> strategy) {
    String[] helmArgs =
        sets.stream().flatMap(set -> Stream.of("--set", set)).toArray(String[]::new);

    assertThat(at(chart.render(RELEASE, NAMESPACE, helmArgs).single("Deployment"), "spec.strategy"))
        .isEqualTo(strategy);
  }

  static Stream<Arguments> argsPerValues() {
    return Stream.of(
        Arguments.of(
            List.of(),
            List.of(
                "controller",
                "--metrics-addr=:8080",
                "--periodic-reconcile-interval=300",
                "--missing-source-grace=600",
                "--enable-leader-election",
                "--config-namespace=imps-system",
                "--log-level=info",
                "--qps=50",
                "--burst=100",
                "--service-account-patching=true")),
        Arguments.of(
            List.of(
                "metrics.port=9090",
                "controller.periodicReconcileInterval=60",
                "controller.missingSourceGrace=30",
                "log.level=debug",
                "log.json=true",
                "controller.qps=20",
                "controller.burst=40",
                "serviceAccountPatching.enabled=false",
                "controller.extraArgs={--kubeconfig=/etc/imps/kubeconfig}"),
            List.of(
                "controller",
                "--metrics-addr=:9090",
                "--periodic-reconcile-interval=60",
                "--missing-source-grace=30",
                "--enable-leader-election",
                "--config-namespace=imps-system",
                "--log-level=debug",
                "--log-json",
                "--qps=20",
                "--burst=40",
                "--service-account-patching=false",
                "--kubeconfig=/etc/imps/kubeconfig")));
  }

  @ParameterizedTest(name = "values {0} give the operator the arguments {1}")
  @MethodSource("argsPerValues")
  void values_become_the_operators_command_line(List<String> sets, List<String> args) {
    String[] helmArgs =
        sets.stream().flatMap(set -> Stream.of("--set", set)).toArray(String[]::new);

    assertThat(containerArgs(chart.render(RELEASE, NAMESPACE, helmArgs)))
        .containsExactlyElementsOf(args);
  }

  @Test
  void probes_and_the_metrics_service_follow_the_metrics_port() {
    Manifests rendered = chart.render(RELEASE, NAMESPACE, "--set", "metrics.port=9090");
    Map<String, Object> container = container(rendered);

    assertThat(at(container, "ports.0"))
        .isEqualTo(Map.of("name", "metrics", "containerPort", 9090, "protocol", "TCP"));
    assertThat(at(container, "livenessProbe.httpGet"))
        .isEqualTo(Map.of("path", "/healthz", "port", "metrics"));
    assertThat(at(container, "readinessProbe.httpGet"))
        .isEqualTo(Map.of("path", "/readyz", "port", "metrics"));
    assertThat(at(rendered.single("Service"), "spec.ports.0.targetPort")).isEqualTo("metrics");
    assertThat(mapAt(rendered.single("Service"), "spec.selector"))
        .isEqualTo(mapAt(rendered.single("Deployment"), "spec.selector.matchLabels"));
  }

  static List<String> valueSets() {
    return Chart.valueSets();
  }

  @ParameterizedTest(
      name =
          "with {0} the pod runs restricted: non-root, read-only root, no capabilities, RuntimeDefault seccomp")
  @MethodSource("valueSets")
  void the_pod_keeps_the_restricted_security_context(String valueSet) {
    Manifests rendered = chart.render(RELEASE, NAMESPACE, chart.valuesArgs(valueSet));
    Map<String, Object> pod = mapAt(rendered.single("Deployment"), "spec.template.spec");
    Map<String, Object> container = container(rendered);

    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
    assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
    assertThat(at(container, "volumeMounts.0.mountPath")).isEqualTo("/tmp");
    assertThat(at(container, "resources.limits.memory")).isNotNull();
  }

  @Test
  void the_service_monitor_scrapes_the_metrics_service_by_its_labels_and_port_name() {
    Manifests rendered =
        chart.render(RELEASE, NAMESPACE, chart.valuesArgs("all-features-values.yaml"));
    Map<String, Object> monitor = rendered.single("ServiceMonitor");
    Map<String, Object> service = rendered.single("Service");

    assertThat(mapAt(service, "metadata.labels"))
        .containsAllEntriesOf(mapAt(monitor, "spec.selector.matchLabels"));
    assertThat(listAt(monitor, "spec.namespaceSelector.matchNames"))
        .containsExactly(at(service, "metadata.namespace"));
    List<Object> portNames =
        listAt(service, "spec.ports").stream().map(port -> at(port, "name")).toList();
    assertThat(portNames).contains(at(monitor, "spec.endpoints.0.port"));
    assertThat(at(monitor, "spec.endpoints.0.path")).isEqualTo("/metrics");
    assertThat(at(monitor, "spec.endpoints.0.interval")).isEqualTo("15s");
    assertThat(mapAt(monitor, "metadata.labels")).containsEntry("release", "prometheus");
  }

  static Stream<Arguments> disruptionBudgets() {
    return Stream.of(
        Arguments.of(List.of(), Map.of("maxUnavailable", 1)),
        Arguments.of(List.of("podDisruptionBudget.minAvailable=1"), Map.of("minAvailable", 1)),
        Arguments.of(
            List.of("podDisruptionBudget.maxUnavailable=50%"), Map.of("maxUnavailable", "50%")));
  }

  @ParameterizedTest(name = "a PodDisruptionBudget with {0} allows {1} for the operator pods")
  @MethodSource("disruptionBudgets")
  void the_disruption_budget_selects_the_operator_pods(
      List<String> sets, Map<String, Object> budget) {
    String[] helmArgs =
        Stream.concat(Stream.of("podDisruptionBudget.enabled=true"), sets.stream())
            .flatMap(set -> Stream.of("--set", set))
            .toArray(String[]::new);
    Manifests rendered = chart.render(RELEASE, NAMESPACE, helmArgs);
    Map<String, Object> spec = new HashMap<>(mapAt(rendered.single("PodDisruptionBudget"), "spec"));

    assertThat(spec.remove("selector"))
        .isEqualTo(at(rendered.single("Deployment"), "spec.selector"));
    assertThat(spec).isEqualTo(budget);
  }

  @Test
  void the_default_image_pull_secret_reads_the_default_secret_when_no_credentials_are_given() {
    Manifests rendered =
        chart.render(
            "acme",
            "registry-system",
            "--set",
            "defaultSecret.enabled=true",
            "--set",
            "defaultSecret.type=kubernetes.io/dockerconfigjson",
            "--set",
            "defaultConfig.enabled=true",
            "--set",
            "defaultConfig.namespaces.names={team-a,team-b}");
    Map<String, Object> secret = rendered.single("Secret");
    Map<String, Object> imps = rendered.single("ImagePullSecret");

    assertThat(Manifests.name(secret)).isEqualTo("acme-imps-default");
    assertThat(at(imps, "spec.registry.credentials"))
        .isEqualTo(List.of(Map.of("name", "acme-imps-default", "namespace", "registry-system")));
    assertThat(at(imps, "spec.target.secret.name")).isEqualTo("default-secret-name");
    assertThat(at(imps, "spec.target.namespaces.names")).isEqualTo(List.of("team-a", "team-b"));
  }

  static Stream<Arguments> images() {
    return Stream.of(
        Arguments.of(List.of(), "ghcr.io/imps-dev/imps:0.1.0"),
        Arguments.of(List.of("image.tag=1.2.3"), "ghcr.io/imps-dev/imps:1.2.3"),
        Arguments.of(
            List.of(
                "image.tag=1.2.3",
                "image.digest=sha256:" + "a".repeat(64),
                "image.repository=registry.example.com/imps"),
            "registry.example.com/imps@sha256:" + "a".repeat(64)));
  }

  @ParameterizedTest(name = "with {0} the image is {1}")
  @MethodSource("images")
  void the_image_defaults_to_the_app_version_and_a_digest_pins_it(List<String> sets, String image) {
    String[] helmArgs =
        sets.stream().flatMap(set -> Stream.of("--set", set)).toArray(String[]::new);

    assertThat(container(chart.render(RELEASE, NAMESPACE, helmArgs)).get("image")).isEqualTo(image);
  }

  @Test
  void imps_values_keep_the_restricted_defaults_they_do_not_mention() {
    Manifests rendered = chart.render(RELEASE, NAMESPACE, chart.valuesArgs("imps-values.yaml"));
    Map<String, Object> pod = mapAt(rendered.single("Deployment"), "spec.template.spec");

    assertThat(mapAt(pod, "securityContext"))
        .containsEntry("runAsUser", 65534)
        .containsEntry("runAsNonRoot", true)
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    assertThat(at(container(rendered), "env"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name",
                    "JDK_JAVA_OPTIONS",
                    "value",
                    "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:MaxNewSize=8m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=5000 -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m"),
                Map.of("name", "MALLOC_ARENA_MAX", "value", "2")));
    assertThat(at(rendered.single("ImagePullSecret"), "spec.target"))
        .asInstanceOf(MAP)
        .doesNotContainKey("namespacesWithPods");
  }

  static Stream<Arguments> refusedValues() {
    return Stream.of(
        Arguments.of(
            List.of("replicas=2", "leaderElection.enabled=false"),
            "replicas > 1 needs leaderElection.enabled=true"),
        Arguments.of(List.of("log.level=verbose"), "/log/level"),
        Arguments.of(List.of("replicaCount=2"), "replicaCount"),
        Arguments.of(List.of("image.digest=latest"), "/image/digest"),
        Arguments.of(List.of("controller.qps=0"), "/controller/qps"),
        Arguments.of(
            List.of("defaultConfig.enabled=true"),
            "defaultConfig.enabled needs defaultConfig.credentials"),
        Arguments.of(
            List.of("defaultSecret.enabled=true"),
            "defaultSecret.type is required when defaultSecret.enabled"),
        Arguments.of(
            List.of("serviceMonitor.enabled=true", "service.enabled=false"),
            "serviceMonitor.enabled needs service.enabled=true"),
        Arguments.of(
            List.of("serviceAccount.create=false"),
            "serviceAccount.name is required when serviceAccount.create is false"),
        Arguments.of(
            List.of(
                "defaultConfig.credentials[0].name=Not_A_Name",
                "defaultConfig.credentials[0].namespace=x"),
            "/defaultConfig/credentials/0/name"));
  }

  @ParameterizedTest(name = "values {0} are refused with a message naming {1}")
  @MethodSource("refusedValues")
  void invalid_values_are_refused_with_a_message_naming_the_value(
      List<String> sets, String message) {
    String[] helmArgs =
        sets.stream().flatMap(set -> Stream.of("--set", set)).toArray(String[]::new);

    CommandResult result = chart.template(RELEASE, NAMESPACE, helmArgs);

    assertThat(result.succeeded()).as("helm template %s should fail", sets).isFalse();
    assertThat(result.stderr()).contains(message);
  }

  private static Map<String, Object> container(Manifests rendered) {
    return mapAt(rendered.single("Deployment"), "spec.template.spec.containers.0");
  }

  @SuppressWarnings("unchecked")
  private static List<String> containerArgs(Manifests rendered) {
    return (List<String>) container(rendered).get("args");
  }
}
