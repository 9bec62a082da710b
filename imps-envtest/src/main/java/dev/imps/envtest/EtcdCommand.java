package dev.imps.envtest;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The etcd command line: a single member on 127.0.0.1, plain HTTP (it is reachable only over
 * loopback), no fsync (test data need not survive a power cut, and fsync dominates write latency).
 *
 * @param clientPort where kube-apiserver connects
 * @param peerPort the peer port; set explicitly so parallel test JVMs never share etcd's default
 * @param dataDirectory etcd's data folder
 */
record EtcdCommand(int clientPort, int peerPort, Path dataDirectory) {

  /**
   * Returns the URL clients use.
   *
   * @return {@code http://127.0.0.1:<clientPort>}
   */
  URI clientUrl() {
    return URI.create("http://" + LoopbackPorts.HOST + ":" + clientPort);
  }

  /**
   * Returns the full command line.
   *
   * @param etcd the etcd binary
   * @return the binary followed by its flags
   */
  List<String> command(Path etcd) {
    String peerUrl = "http://" + LoopbackPorts.HOST + ":" + peerPort;
    return List.of(
        etcd.toString(),
        "--name=default",
        "--data-dir=" + dataDirectory,
        "--listen-client-urls=" + clientUrl(),
        "--advertise-client-urls=" + clientUrl(),
        "--listen-peer-urls=" + peerUrl,
        "--initial-advertise-peer-urls=" + peerUrl,
        "--initial-cluster=default=" + peerUrl,
        "--unsafe-no-fsync=true",
        "--log-level=warn");
  }
}
