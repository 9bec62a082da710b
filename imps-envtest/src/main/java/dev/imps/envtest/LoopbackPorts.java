package dev.imps.envtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on 127.0.0.1 for the control plane to listen on. */
final class LoopbackPorts {

  /** The only address anything here listens on or connects to. */
  static final String HOST = "127.0.0.1";

  private LoopbackPorts() {}

  /**
   * Returns a port that was free on 127.0.0.1 a moment ago. Another process may take it before the
   * binary binds it; the binary then fails to start with "address already in use" in its log.
   *
   * @return a free port
   * @throws UncheckedIOException if no port can be bound
   */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST, e);
    }
  }
}
