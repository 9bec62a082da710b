package dev.imps.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running test node tells its users, read from the {@code node.env} file that {@code
 * scripts/test-node.sh} writes once the node is Ready.
 *
 * @param kubeconfig the admin kubeconfig (system:masters)
 * @param apiGatewayHost the address pods reach the API server at (the pod bridge's own address)
 * @param apiGatewayPort the port pods reach the API server at
 * @param caFile the CA of the API server, the registry and the kubelet
 * @param nodeName the node's name
 * @param registry the registry's {@code host:port}
 * @param registryUser the login the registry accepts
 * @param registryPassword its password
 * @param htpasswd the registry's htpasswd file (rewriting it rotates the password)
 * @param registryHostsDirectory containerd's {@code certs.d} folder ({@code
 *     <host:port>/hosts.toml})
 * @param testImage a private image whose container runs {@code /bin/sh} (busybox)
 * @param testImageTar the same image as a tarball, to push under other names
 * @param crane the crane binary
 * @param craneConfig the DOCKER_CONFIG folder where crane is logged in to the registry
 * @param logs the folder of the node's component logs
 */
record NodeEnvironment(
    Path kubeconfig,
    String apiGatewayHost,
    int apiGatewayPort,
    Path caFile,
    String nodeName,
    String registry,
    String registryUser,
    String registryPassword,
    Path htpasswd,
    Path registryHostsDirectory,
    String testImage,
    Path testImageTar,
    Path crane,
    Path craneConfig,
    Path logs) {

  /**
   * Reads a {@code node.env} file of {@code KEY=VALUE} lines.
   *
   * @param file the file
   * @return its values
   * @throws IllegalStateException naming the file and the key if a key is missing
   */
  static NodeEnvironment read(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Values v = new Values(file, values);
    return new NodeEnvironment(
        v.path("KUBECONFIG"),
        v.text("API_GATEWAY_HOST"),
        Integer.parseInt(v.text("API_GATEWAY_PORT")),
        v.path("CA_FILE"),
        v.text("NODE_NAME"),
        v.text("REGISTRY"),
        v.text("REGISTRY_USER"),
        v.text("REGISTRY_PASSWORD"),
        v.path("REGISTRY_HTPASSWD"),
        v.path("REGISTRY_HOSTS_DIR"),
        v.text("TEST_IMAGE"),
        v.path("TEST_IMAGE_TAR"),
        v.path("CRANE"),
        v.path("CRANE_CONFIG"),
        v.path("LOGS"));
  }

  /** Never prints the registry password. */
  @Override
  public String toString() {
    return "NodeEnvironment[node=" + nodeName + ", registry=" + registry + "]";
  }

  private record Values(Path file, Map<String, String> values) {
    String text(String key) {
      String value = values.get(key);
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException(file + ": missing " + key);
      }
      return value;
    }

    Path path(String key) {
      return Path.of(text(key));
    }
  }
}
