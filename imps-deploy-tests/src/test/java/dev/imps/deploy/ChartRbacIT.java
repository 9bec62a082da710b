package dev.imps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import dev.imps.envtest.KubectlException;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart's RBAC is least privilege and the same as {@code deploy/manifests/rbac.yaml} (which the
 * operator's integration tests run under): compared rule by rule, then installed in a real API
 * server whose RBAC authorizer answers what the operator's ServiceAccount may do.
 */
@EnableKubeControlPlane
class ChartRbacIT {

  private static final Chart CHART = Chart.locate();

  /** A release with every permission switch on, and one with them off. */
  private static Release full;

  private static Release reduced;

  record Release(String namespace, String serviceAccount) {
    String user() {
      return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }
  }

  @BeforeAll
  static void installRbac(KubeControlPlane kube) throws ApiException {
    full = install(kube, "rbac-full");
    reduced =
        install(
            kube,
            "rbac-reduced",
            "--set",
            "serviceAccountPatching.enabled=false",
            "--set",
            "leaderElection.enabled=false");
  }

  @Test
  void
      with_default_values_the_chart_grants_exactly_what_deploy_manifests_rbac_yaml_grants_and_where()
          throws IOException {
    Manifests handWritten = handWrittenRbac();
    Manifests chart = CHART.render("imps", "imps-system");

    assertThat(Permission.granted(chart))
        .as("permissions of the chart's roles vs %s", CHART.layout().rbacManifest())
        .containsExactlyInAnyOrderElementsOf(Permission.granted(handWritten));
  }

  static Stream<Arguments> fullReleaseAccess() {
    return Stream.of(
        // What the operator does.
        row("list", "imagepullsecrets.images.banzaicloud.io", ALL, true),
        row("watch", "imagepullsecrets.images.banzaicloud.io", ALL, true),
        row("patch", "imagepullsecrets.images.banzaicloud.io/status", ALL, true),
        row("watch", "namespaces", ALL, true),
        row("watch", "pods", ALL, true),
        row("watch", "secrets", ALL, true),
        row("create", "secrets", "team-a", true),
        row("patch", "secrets", "team-a", true),
        row("delete", "secrets", "team-a", true),
        row("patch", "serviceaccounts", "team-a", true),
        row("create", "events", "default", true),
        row("patch", "events", "default", true),
        row("update", "leases.coordination.k8s.io", RELEASE_NAMESPACE, true),
        // What it must not do.
        row("update", "imagepullsecrets.images.banzaicloud.io", ALL, false),
        row("delete", "imagepullsecrets.images.banzaicloud.io", ALL, false),
        row("delete", "namespaces", ALL, false),
        row("patch", "namespaces", ALL, false),
        row("create", "pods", "team-a", false),
        row("delete", "pods", "team-a", false),
        row("create", "serviceaccounts", "team-a", false),
        row("delete", "serviceaccounts", "team-a", false),
        row("create", "serviceaccounts/token", "team-a", false),
        row("update", "leases.coordination.k8s.io", "kube-system", false),
        row("create", "leases.coordination.k8s.io", "team-a", false),
        row("get", "configmaps", "team-a", false),
        row("create", "events", "team-a", false),
        row("create", "clusterrolebindings.rbac.authorization.k8s.io", ALL, false),
        row("create", "customresourcedefinitions.apiextensions.k8s.io", ALL, false));
  }

  @ParameterizedTest(name = "the operator may {0} {1} in {2}: {3}")
  @MethodSource("fullReleaseAccess")
  void the_installed_rbac_allows_what_the_operator_needs_and_nothing_more(
      String verb, String resource, String namespace, boolean allowed, KubeControlPlane kube) {
    assertThat(canI(kube, full, verb, resource, namespace))
        .as("%s may %s %s in %s", full.user(), verb, resource, namespace)
        .isEqualTo(allowed);
  }

  static Stream<Arguments> reducedReleaseAccess() {
    return Stream.of(
        row("patch", "serviceaccounts", "team-a", false),
        row("watch", "serviceaccounts", ALL, false),
        row("update", "leases.coordination.k8s.io", RELEASE_NAMESPACE, false),
        row("patch", "secrets", "team-a", true));
  }

  @ParameterizedTest(
      name =
          "without service account patching and leader election the operator may {0} {1} in {2}: {3}")
  @MethodSource("reducedReleaseAccess")
  void switching_features_off_takes_their_permissions_away(
      String verb, String resource, String namespace, boolean allowed, KubeControlPlane kube) {
    assertThat(canI(kube, reduced, verb, resource, namespace))
        .as("%s may %s %s in %s", reduced.user(), verb, resource, namespace)
        .isEqualTo(allowed);
  }

  private static final String ALL = "all namespaces";
  private static final String RELEASE_NAMESPACE = "the release namespace";

  private static Arguments row(String verb, String resource, String namespace, boolean allowed) {
    return Arguments.of(verb, resource, namespace, allowed);
  }

  private static Release install(KubeControlPlane kube, String prefix, String... values)
      throws ApiException {
    String namespace = kube.createNamespace(prefix);
    List<String> args = new ArrayList<>(List.of(values));
    args.addAll(
        List.of(
            "--show-only", "templates/serviceaccount.yaml", "--show-only", "templates/rbac.yaml"));
    // The release is named after its namespace, so that the cluster-wide names are unique too.
    Manifests rbac = CHART.render(namespace, namespace, args.toArray(String[]::new));
    kube.kubectlWithInput(
        rbac.yaml(), "apply", "--server-side", "--field-manager=imps-deploy-tests", "-f", "-");
    return new Release(namespace, Manifests.name(rbac.single("ServiceAccount")));
  }

  /**
   * Asks the API server's authorizer, as the operator's ServiceAccount, through kubectl auth can-i.
   */
  private static boolean canI(
      KubeControlPlane kube, Release release, String verb, String resource, String namespace) {
    List<String> args = new ArrayList<>(List.of("auth", "can-i", verb));
    String[] resourceAndSubresource = resource.split("/", 2);
    args.add(resourceAndSubresource[0]);
    if (resourceAndSubresource.length == 2) {
      args.add("--subresource=" + resourceAndSubresource[1]);
    }
    if (namespace.equals(ALL)) {
      args.add("--all-namespaces");
    } else {
      args.add(
          "--namespace=" + (namespace.equals(RELEASE_NAMESPACE) ? release.namespace() : namespace));
    }
    args.add("--as=" + release.user());
    try {
      return kube.kubectl(args.toArray(String[]::new)).strip().equals("yes");
    } catch (KubectlException e) {
      if (e.result().exitStatus() == 1 && e.result().stdout().strip().startsWith("no")) {
        return false;
      }
      throw e;
    }
  }

  private static Manifests handWrittenRbac() throws IOException {
    var file = CHART.layout().rbacManifest();
    assertThat(file)
        .as(
            "%s holds the RBAC the operator's integration tests run under; the chart must match it",
            file)
        .isRegularFile();
    return Manifests.parse(Files.readString(file));
  }
}
