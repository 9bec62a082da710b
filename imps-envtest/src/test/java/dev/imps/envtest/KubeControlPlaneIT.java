package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubeControlPlane
class KubeControlPlaneIT {

  @Test
  void the_api_server_is_the_kubernetes_version_the_client_was_generated_from(KubeControlPlane kube)
      throws ApiException {
    String version = new VersionApi(kube.adminClient()).getCode().execute().getGitVersion();

    assertThat(version).startsWith("v1.34.");
    assertThat(kube.serverUrl().getHost()).isEqualTo("127.0.0.1");
    System.out.printf("kube control plane start-up: %d ms%n", kube.startupTime().toMillis());
  }

  @Test
  void the_admin_client_has_read_timeout_zero_so_informers_accept_it(KubeControlPlane kube) {
    ApiClient admin = kube.adminClient();

    assertThat(admin.getReadTimeout()).isZero();
    assertThat(admin.getHttpClient().readTimeoutMillis()).isZero();
  }

  @Test
  void a_cluster_role_client_may_do_what_the_role_allows_and_nothing_else(KubeControlPlane kube)
      throws ApiException {
    String namespace = kube.createNamespace("rbac-view");
    ApiClient admin = kube.adminClient();
    new CoreV1Api(admin)
        .createNamespacedConfigMap(
            namespace, new V1ConfigMap().metadata(new V1ObjectMeta().name("seen")))
        .execute();
    new RbacAuthorizationV1Api(admin)
        .createClusterRole(
            new V1ClusterRole()
                .metadata(new V1ObjectMeta().name(namespace + "-configmap-reader"))
                .rules(
                    List.of(
                        new V1PolicyRule()
                            .apiGroups(List.of(""))
                            .resources(List.of("configmaps"))
                            .verbs(List.of("get", "list", "watch")))))
        .execute();
    CoreV1Api viewer = new CoreV1Api(kube.clientForClusterRole(namespace + "-configmap-reader"));

    assertThat(viewer.listNamespacedConfigMap(namespace).execute().getItems())
        .extracting(c -> c.getMetadata().getName())
        .contains("seen");
    assertThatThrownBy(
            () ->
                viewer
                    .createNamespacedConfigMap(
                        namespace, new V1ConfigMap().metadata(new V1ObjectMeta().name("denied")))
                    .execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(403);
              assertThat(e.getResponseBody())
                  .contains("system:serviceaccount:" + ServiceAccountClients.NAMESPACE + ":");
            });
    assertThatThrownBy(() -> viewer.listNamespacedSecret(namespace).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  @Test
  void a_service_account_client_gets_the_roles_bound_to_it_in_its_namespace(KubeControlPlane kube)
      throws ApiException {
    String namespace = kube.createNamespace("rbac-sa");
    ApiClient admin = kube.adminClient();
    new CoreV1Api(admin)
        .createNamespacedServiceAccount(
            namespace, new V1ServiceAccount().metadata(new V1ObjectMeta().name("writer")))
        .execute();
    RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(admin);
    rbac.createNamespacedRole(
            namespace,
            new V1Role()
                .metadata(new V1ObjectMeta().name("configmap-writer"))
                .rules(
                    List.of(
                        new V1PolicyRule()
                            .apiGroups(List.of(""))
                            .resources(List.of("configmaps"))
                            .verbs(List.of("create")))))
        .execute();
    rbac.createNamespacedRoleBinding(
            namespace,
            new V1RoleBinding()
                .metadata(new V1ObjectMeta().name("writer"))
                .roleRef(
                    new V1RoleRef()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("Role")
                        .name("configmap-writer"))
                .subjects(
                    List.of(
                        new RbacV1Subject()
                            .kind("ServiceAccount")
                            .namespace(namespace)
                            .name("writer"))))
        .execute();
    CoreV1Api writer = new CoreV1Api(kube.clientForServiceAccount(namespace, "writer"));

    V1ConfigMap created =
        writer
            .createNamespacedConfigMap(
                namespace,
                new V1ConfigMap()
                    .metadata(new V1ObjectMeta().name("written"))
                    .data(Map.of("a", "b")))
            .execute();

    assertThat(created.getData()).containsEntry("a", "b");
    assertThatThrownBy(() -> writer.readNamespacedConfigMap("written", namespace).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  @Test
  void kubectl_runs_as_the_admin_against_this_control_plane(KubeControlPlane kube)
      throws ApiException {
    String namespace = kube.createNamespace("kubectl");

    String output = kube.kubectl("get", "namespace", namespace, "-o", "name");

    assertThat(output.strip()).isEqualTo("namespace/" + namespace);
    assertThat(kube.kubeconfigFile()).isRegularFile().startsWith(kube.dataDirectory());
    assertThatThrownBy(() -> kube.kubectl("get", "namespace", namespace + "-missing"))
        .isInstanceOfSatisfying(
            KubectlException.class,
            e -> {
              assertThat(e.result().exitStatus()).isEqualTo(1);
              assertThat(e.result().stderr()).contains("NotFound");
            });
  }

  @Test
  void unique_namespaces_do_not_collide(KubeControlPlane kube) throws ApiException {
    String first = kube.createNamespace("same-prefix");
    String second = kube.createNamespace("same-prefix");

    assertThat(first).isNotEqualTo(second).startsWith("same-prefix-");
    assertThat(Files.isDirectory(kube.dataDirectory())).isTrue();
  }
}
