package dev.imps.controller.metrics;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The {@code --metrics-addr} flag as IMPS (controller-runtime) reads it: {@code host:port}, {@code
 * :port} for every interface, or {@code 0} to serve nothing.
 */
public final class MetricsAddress {

  private MetricsAddress() {}

  /**
   * Parses the flag.
   *
   * @param text the flag's value, such as {@code :8080} or {@code 127.0.0.1:9090}
   * @return where to listen, or empty for {@code 0} (disabled)
   * @throws IllegalArgumentException if the value is not {@code [host]:port} or {@code 0}
   */
  public static Optional<InetSocketAddress> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("--metrics-addr must not be empty (use 0 to disable)");
    }
    String value = text.trim();
    if (value.equals("0")) {
      return Optional.empty();
    }
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "--metrics-addr \"" + value + "\" must be [host]:port, :port or 0");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--metrics-addr \"" + value + "\" has no numeric port", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "--metrics-addr \"" + value + "\": port must be 0 to 65535");
    }
    return Optional.of(
        host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
  }
}
