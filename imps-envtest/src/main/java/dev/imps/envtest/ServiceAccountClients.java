package dev.imps.envtest;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1TokenRequestSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes clients that act as ServiceAccounts, authenticated by tokens from the TokenRequest API, so
 * the API server's own RBAC decides what they may do.
 */
final class ServiceAccountClients {

  /** Where the ServiceAccounts made by {@link #forClusterRole(String)} live. */
  static final String NAMESPACE = "imps-envtest-rbac";

  /** Token lifetime; a test run is far shorter. */
  static final long TOKEN_SECONDS = 3600;

  private final KubeControlPlane plane;
  private final AtomicInteger sequence = new AtomicInteger();

  ServiceAccountClients(KubeControlPlane plane) {
    this.plane = plane;
  }

  /**
   * Creates a new ServiceAccount, binds {@code clusterRoleName} to it cluster-wide and returns a
   * client acting as it.
   *
   * @param clusterRoleName the ClusterRole to bind
   * @return a client with exactly that role's permissions (plus what every authenticated user has)
   * @throws ApiException if a step is rejected
   */
  ApiClient forClusterRole(String clusterRoleName) throws ApiException {
    if (clusterRoleName == null || clusterRoleName.isBlank()) {
      throw new IllegalArgumentException("cluster role name must not be blank");
    }
    ApiClient admin = plane.adminClient();
    Namespaces.ensure(admin, NAMESPACE);
    String name = "cluster-role-" + sequence.incrementAndGet();
    new CoreV1Api(admin)
        .createNamespacedServiceAccount(
            NAMESPACE, new V1ServiceAccount().metadata(new V1ObjectMeta().name(name)))
        .execute();
    V1ClusterRoleBinding binding =
        new V1ClusterRoleBinding()
            .metadata(
                new V1ObjectMeta()
                    .name(NAMESPACE + "-" + name)
                    .putAnnotationsItem("imps.dev/envtest-cluster-role", clusterRoleName))
            .roleRef(
                new V1RoleRef()
                    .apiGroup("rbac.authorization.k8s.io")
                    .kind("ClusterRole")
                    .name(clusterRoleName))
            .subjects(
                List.of(
                    new RbacV1Subject().kind("ServiceAccount").namespace(NAMESPACE).name(name)));
    new RbacAuthorizationV1Api(admin).createClusterRoleBinding(binding).execute();
    return plane.clientWithToken(token(NAMESPACE, name));
  }

  /**
   * Issues a token for an existing ServiceAccount, for the API server's default audience.
   *
   * @param namespace the ServiceAccount's namespace
   * @param name the ServiceAccount's name
   * @return the bearer token
   * @throws ApiException if the request is rejected
   */
  String token(String namespace, String name) throws ApiException {
    AuthenticationV1TokenRequest request =
        new AuthenticationV1TokenRequest()
            .spec(new V1TokenRequestSpec().audiences(List.of()).expirationSeconds(TOKEN_SECONDS));
    AuthenticationV1TokenRequest issued =
        new CoreV1Api(plane.adminClient())
            .createNamespacedServiceAccountToken(name, namespace, request)
            .execute();
    return issued.getStatus().getToken();
  }
}
