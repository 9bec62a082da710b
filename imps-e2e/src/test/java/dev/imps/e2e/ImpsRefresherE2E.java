package dev.imps.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The refresher mode ({@code imps refresh}, IMPS's refresher) from the same image: it keeps one
 * target secret merged from a source, with no ImagePullSecret involved, and a pod pulls with it.
 */
@ExtendWith(TestNodeExtension.class)
class ImpsRefresherE2E {

  @Test
  void theRefresherWritesATargetSecretThatAPodPullsWith(
      TestNode node, ImpsRelease imps, Pods pods, RegistrySource source) {
    String token = source.token();
    String target = source.name("refreshed");
    pods.createNamespace(target);
    NodeEnvironment env = node.environment();
    String yaml =
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: refresher-%1$s, namespace: %2$s}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: imps-refresher-%1$s}
        rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get, list, watch, create, update, patch]}
        - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: imps-refresher-%1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: imps-refresher-%1$s}
        subjects: [{kind: ServiceAccount, name: refresher-%1$s, namespace: %2$s}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: refresher-%1$s, namespace: %2$s}
        spec:
          serviceAccountName: refresher-%1$s
          imagePullSecrets: [{name: %3$s}]
          terminationGracePeriodSeconds: 5
          securityContext: {runAsNonRoot: true, runAsUser: 65532, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: refresher
            image: %4$s
            args: [refresh, --source-secret=%5$s.registry-login, --target-secret=%6$s.imps-pull,
                   --periodic-reconcile-interval=10]
            env:
            - {name: KUBERNETES_SERVICE_HOST, value: "%7$s"}
            - {name: KUBERNETES_SERVICE_PORT, value: "%8$s"}
            securityContext:
              allowPrivilegeEscalation: false
              readOnlyRootFilesystem: true
              capabilities: {drop: [ALL]}
            volumeMounts: [{name: tmp, mountPath: /tmp}]
          volumes: [{name: tmp, emptyDir: {}}]
        """
            .formatted(
                token,
                ImpsRelease.NAMESPACE,
                ImpsRelease.IMAGE_PULL_SECRET,
                imps.image(),
                source.namespace(),
                target,
                env.apiGatewayHost(),
                env.apiGatewayPort());
    node.kubectlWithInput(yaml, "apply", "-f", "-");
    try {
      pods.awaitRunning(ImpsRelease.NAMESPACE, "refresher-" + token);

      pods.create(target, "app", "imps-pull");

      pods.awaitRunning(target, "app");
    } finally {
      node.kubectl(
          "-n", ImpsRelease.NAMESPACE, "delete", "pod", "refresher-" + token, "--wait=false");
    }
  }
}
