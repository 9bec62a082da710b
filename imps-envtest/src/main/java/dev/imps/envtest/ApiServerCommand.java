package dev.imps.envtest;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kube-apiserver command line: listens on 127.0.0.1 only, serves TLS with a certificate it
 * generates itself into {@code certDirectory} (and reuses on restart), authenticates the admin with
 * a static token file and service accounts with a generated RSA key, and authorizes with RBAC.
 *
 * <p>With no controller-manager running, {@code --endpoint-reconciler-type=none} stops it from
 * maintaining the {@code kubernetes} service endpoints and {@code --disable-admission-plugins=
 * ServiceAccount} lets pods be created without a token controller, as controller-runtime's envtest
 * does.
 *
 * <p>{@code --shutdown-watch-termination-grace-period=1s}: without it a SIGTERM waits 60 s for open
 * watches (every informer holds one) before giving up; with it kube-apiserver ends watches and
 * exits in about a second, which keeps {@link KubeControlPlane#restartApiServer()} and the end of a
 * test run quick.
 *
 * @param securePort the HTTPS port
 * @param etcdUrl where etcd listens
 * @param certDirectory where the serving certificate is generated
 * @param tokenFile the static token file holding the admin token
 * @param serviceAccountKey PEM RSA private key that signs and verifies service-account tokens
 * @param extraFlags more flags after the standard ones (a later flag wins), e.g. {@code
 *     --max-mutating-requests-inflight=3} to test overload
 */
record ApiServerCommand(
    int securePort,
    URI etcdUrl,
    Path certDirectory,
    Path tokenFile,
    Path serviceAccountKey,
    List<String> extraFlags) {

  ApiServerCommand {
    extraFlags = List.copyOf(extraFlags);
  }

  ApiServerCommand(
      int securePort, URI etcdUrl, Path certDirectory, Path tokenFile, Path serviceAccountKey) {
    this(securePort, etcdUrl, certDirectory, tokenFile, serviceAccountKey, List.of());
  }

  /** The range services get cluster IPs from; no node or pod network exists to collide with. */
  static final String SERVICE_CLUSTER_IP_RANGE = "10.0.0.0/24";

  /**
   * Returns the URL clients use.
   *
   * @return {@code https://127.0.0.1:<securePort>}
   */
  URI serverUrl() {
    return URI.create("https://" + LoopbackPorts.HOST + ":" + securePort);
  }

  /**
   * Returns the certificate file kube-apiserver writes (its serving certificate followed by the CA
   * that signed it), which clients trust.
   *
   * @return {@code <certDirectory>/apiserver.crt}
   */
  Path servingCertificate() {
    return certDirectory.resolve("apiserver.crt");
  }

  /**
   * Returns the key file kube-apiserver writes after {@link #servingCertificate()}, so once it
   * exists the certificate is complete.
   *
   * @return {@code <certDirectory>/apiserver.key}
   */
  Path servingKey() {
    return certDirectory.resolve("apiserver.key");
  }

  /**
   * Returns the full command line.
   *
   * @param kubeApiServer the kube-apiserver binary
   * @return the binary followed by its flags
   */
  List<String> command(Path kubeApiServer) {
    List<String> command =
        new ArrayList<>(
            List.of(
                kubeApiServer.toString(),
                "--etcd-servers=" + etcdUrl,
                "--secure-port=" + securePort,
                "--bind-address=" + LoopbackPorts.HOST,
                "--advertise-address=" + LoopbackPorts.HOST,
                "--cert-dir=" + certDirectory,
                "--token-auth-file=" + tokenFile,
                "--authorization-mode=RBAC",
                "--service-account-issuer=" + serverUrl(),
                "--service-account-key-file=" + serviceAccountKey,
                "--service-account-signing-key-file=" + serviceAccountKey,
                "--service-cluster-ip-range=" + SERVICE_CLUSTER_IP_RANGE,
                "--endpoint-reconciler-type=none",
                "--disable-admission-plugins=ServiceAccount",
                "--allow-privileged=true",
                "--shutdown-watch-termination-grace-period=1s"));
    command.addAll(extraFlags);
    return List.copyOf(command);
  }
}
