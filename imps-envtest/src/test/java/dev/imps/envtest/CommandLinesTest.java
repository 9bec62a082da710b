package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLinesTest {

  private static final EtcdCommand ETCD = new EtcdCommand(20001, 20002, Path.of("/data/etcd"));
  private static final ApiServerCommand API_SERVER =
      new ApiServerCommand(
          20003,
          ETCD.clientUrl(),
          Path.of("/data/certs"),
          Path.of("/data/tokens.csv"),
          Path.of("/data/sa.key"));

  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?:https?://)?(\\d+\\.\\d+\\.\\d+\\.\\d+|localhost|\\[[0-9a-f:]+\\])(?::\\d+)?");

  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of("etcd", ETCD.command(Path.of("/bin/etcd"))),
        Arguments.of("kube-apiserver", API_SERVER.command(Path.of("/bin/kube-apiserver"))));
  }

  @ParameterizedTest(name = "{0} listens on and connects to 127.0.0.1 only")
  @MethodSource("commandLines")
  void every_address_in_the_command_line_is_loopback(String name, List<String> command) {
    for (String flag : command) {
      if (flag.startsWith("--service-cluster-ip-range")) {
        continue; // virtual IPs for Services, never bound
      }
      Matcher address = ADDRESS.matcher(flag.substring(flag.indexOf('=') + 1));
      while (address.find()) {
        assertThat(address.group(1)).as(flag).isEqualTo("127.0.0.1");
      }
    }
  }

  @Test
  void extra_api_server_flags_come_last_so_they_win() {
    ApiServerCommand overloaded =
        new ApiServerCommand(
            20003,
            ETCD.clientUrl(),
            Path.of("/data/certs"),
            Path.of("/data/tokens.csv"),
            Path.of("/data/sa.key"),
            List.of("--max-mutating-requests-inflight=3", "--enable-priority-and-fairness=false"));

    assertThat(overloaded.command(Path.of("/bin/kube-apiserver")))
        .startsWith(API_SERVER.command(Path.of("/bin/kube-apiserver")).toArray(String[]::new))
        .endsWith("--max-mutating-requests-inflight=3", "--enable-priority-and-fairness=false");
  }

  @Test
  void etcd_uses_its_own_peer_port_and_skips_fsync() {
    assertThat(ETCD.command(Path.of("/bin/etcd")))
        .startsWith("/bin/etcd")
        .contains(
            "--listen-client-urls=http://127.0.0.1:20001",
            "--listen-peer-urls=http://127.0.0.1:20002",
            "--initial-cluster=default=http://127.0.0.1:20002",
            "--data-dir=/data/etcd",
            "--unsafe-no-fsync=true");
  }

  @Test
  void kube_apiserver_has_the_flags_an_operator_test_relies_on() {
    assertThat(API_SERVER.command(Path.of("/bin/kube-apiserver")))
        .startsWith("/bin/kube-apiserver")
        .contains(
            "--etcd-servers=http://127.0.0.1:20001",
            "--secure-port=20003",
            "--advertise-address=127.0.0.1",
            "--bind-address=127.0.0.1",
            "--authorization-mode=RBAC",
            "--endpoint-reconciler-type=none",
            "--disable-admission-plugins=ServiceAccount",
            "--token-auth-file=/data/tokens.csv",
            "--service-account-issuer=https://127.0.0.1:20003",
            "--service-account-key-file=/data/sa.key",
            "--service-account-signing-key-file=/data/sa.key",
            "--cert-dir=/data/certs");
  }

  @Test
  void clients_trust_the_certificate_kube_apiserver_writes_into_its_cert_dir() {
    assertThat(API_SERVER.serverUrl()).isEqualTo(URI.create("https://127.0.0.1:20003"));
    assertThat(API_SERVER.servingCertificate()).isEqualTo(Path.of("/data/certs/apiserver.crt"));
    assertThat(API_SERVER.servingKey()).isEqualTo(Path.of("/data/certs/apiserver.key"));
  }
}
