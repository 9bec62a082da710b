package dev.imps.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.leader.LeaderElectionSettings;
import dev.imps.controller.runtime.OperatorSettings;
import dev.imps.controller.runtime.WriteMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class MainTest {

  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of(new String[] {}, new String[] {"controller"}),
        Arguments.of(
            new String[] {"--metrics-addr=:8080", "--enable-leader-election"},
            new String[] {"controller", "--metrics-addr=:8080", "--enable-leader-election"}),
        Arguments.of(
            new String[] {"controller", "--qps=5"}, new String[] {"controller", "--qps=5"}),
        Arguments.of(new String[] {"refresh", "--x"}, new String[] {"refresh", "--x"}),
        Arguments.of(new String[] {"--help"}, new String[] {"--help"}),
        Arguments.of(new String[] {"-V"}, new String[] {"-V"}));
  }

  @ParameterizedTest(name = "imps {0} runs imps {1}")
  @MethodSource("commandLines")
  void imps_flags_without_a_subcommand_run_the_controller(String[] given, String[] run) {
    assertThat(Main.withDefaultSubcommand(given)).containsExactly(run);
  }

  @Test
  void imps_flags_map_to_operator_settings() {
    ControllerCommand command =
        parse(
            "--metrics-addr=127.0.0.1:9090",
            "--periodic-reconcile-interval=60",
            "--enable-leader-election",
            "--config-namespace=imps-system",
            "--qps=20",
            "--burst=40",
            "--service-account-patching=false");

    OperatorSettings settings = command.settings();

    assertThat(settings.metricsAddress())
        .isEqualTo(Optional.of(new InetSocketAddress("127.0.0.1", 9090)));
    assertThat(settings.periodicInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.qps()).isEqualTo(20);
    assertThat(settings.burst()).isEqualTo(40);
    assertThat(settings.serviceAccountPatching()).isFalse();
    assertThat(settings.leaderElection())
        .hasValueSatisfying(
            lease -> {
              assertThat(lease.namespace()).isEqualTo("imps-system");
              assertThat(lease.leaseName()).isEqualTo("imps-leader-election");
              assertThat(lease.leaseDuration()).isEqualTo(Duration.ofSeconds(40));
              assertThat(lease.identity()).isEqualTo(settings.identity());
            });
  }

  @Test
  void the_defaults_are_those_of_imps() {
    OperatorSettings settings = parse().settings();

    assertThat(settings.metricsAddress()).isEqualTo(Optional.of(new InetSocketAddress(8080)));
    assertThat(settings.periodicInterval()).isEqualTo(Duration.ofSeconds(300));
    assertThat(settings.leaderElection()).isEmpty();
    assertThat(settings.qps()).isEqualTo(50);
    assertThat(settings.burst()).isEqualTo(100);
    assertThat(settings.serviceAccountPatching()).isTrue();
  }

  static Stream<Arguments> writeModes() {
    return Stream.of(
        Arguments.of(new String[] {}, WriteMode.fixed()),
        Arguments.of(new String[] {"--write-rate=fixed"}, WriteMode.fixed()),
        Arguments.of(new String[] {"--write-rate=adaptive"}, WriteMode.adaptive(32)),
        Arguments.of(
            new String[] {"--write-rate", "Adaptive", "--max-writes-in-flight=64"},
            WriteMode.adaptive(64)));
  }

  @ParameterizedTest(name = "{0} paces writes as {1}")
  @MethodSource("writeModes")
  void writes_are_paced_at_a_fixed_budget_unless_told_adaptive(String[] args, WriteMode expected) {
    assertThat(parse(args).settings().writeMode()).isEqualTo(expected);
  }

  @Test
  void go_style_boolean_values_are_accepted() {
    assertThat(parse("--enable-leader-election=true").leaderElection).isTrue();
    assertThat(parse("--enable-leader-election=false").leaderElection).isFalse();
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(
            new String[] {"--periodic-reconcile-interval=0"}, "--periodic-reconcile-interval"),
        Arguments.of(new String[] {"--qps=0"}, "--qps"),
        Arguments.of(new String[] {"--burst=0"}, "--burst"),
        Arguments.of(new String[] {"--write-rate=fast"}, "--write-rate must be fixed or adaptive"),
        Arguments.of(
            new String[] {"--write-rate=adaptive", "--max-writes-in-flight=0"},
            "--max-writes-in-flight"),
        Arguments.of(new String[] {"--metrics-addr=8080"}, "--metrics-addr"),
        Arguments.of(
            new String[] {"--enable-leader-election", "--lease-duration=5", "--renew-deadline=10"},
            "lease duration"));
  }

  @ParameterizedTest(name = "{0} is refused, naming {1}")
  @MethodSource("badSettings")
  void out_of_range_flags_are_refused_naming_the_flag(String[] args, String named) {
    assertThatThrownBy(() -> parse(args).settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  @Test
  void an_unknown_flag_fails_with_usage_and_status_2() {
    StringWriter errors = new StringWriter();
    CommandLine line = Main.commandLine().setErr(new PrintWriter(errors));

    int status = line.execute("controller", "--no-such-flag");

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString()).contains("Unknown option: '--no-such-flag'").contains("Usage:");
  }

  @Test
  void a_flag_value_out_of_range_fails_with_its_name_and_status_2() {
    StringWriter errors = new StringWriter();
    CommandLine line = Main.commandLine().setErr(new PrintWriter(errors));

    int status = line.execute("controller", "--log-level=loud");

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString()).startsWith("imps: --log-level must be");
  }

  static Stream<Arguments> exitStatuses() {
    return Stream.of(
        Arguments.of(
            new String[] {"--help"},
            new String[] {"0 +done", "1 +an unexpected error", "2 +bad command line", "3-5 +see"}),
        Arguments.of(
            new String[] {"controller", "--help"},
            new String[] {
              "0 +stopped",
              "1 +an unexpected error",
              "2 +bad command line",
              ControllerCommand.LEADERSHIP_LOST + " +the leader election Lease was lost",
              ControllerCommand.API_SERVER_UNREACHABLE + " +the API server did not answer"
            }),
        Arguments.of(
            new String[] {"refresh", "--help"},
            new String[] {
              "0 +stopped",
              "1 +an unexpected error",
              "2 +bad command line",
              ControllerCommand.API_SERVER_UNREACHABLE + " +the API server did not answer"
            }),
        Arguments.of(
            new String[] {"plan", "--help"},
            new String[] {
              "0 +the plan was printed", "1 +the input cannot be read", "2 +bad command line",
              "3 +invalid: ", "4 +conflict: ", "5 +missing-source: "
            }));
  }

  @ParameterizedTest(name = "imps {0} lists its exit statuses")
  @MethodSource("exitStatuses")
  void every_command_lists_its_exit_statuses_in_its_help(String[] args, String[] statuses) {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine().setOut(new PrintWriter(out));

    assertThat(line.execute(args)).isZero();
    assertThat(out.toString()).contains("Exit status");
    for (String status : statuses) {
      assertThat(out.toString()).containsPattern("(?m)^  " + status);
    }
  }

  @Test
  void refresh_is_a_subcommand_with_imps_refresher_flags() {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine().setOut(new PrintWriter(out));

    assertThat(line.execute("refresh", "--help")).isZero();
    assertThat(out.toString()).contains("--source-secret", "--target-secret", "--metrics-addr");
  }

  @Test
  void an_unreachable_api_server_ends_the_controller_with_status_4(@TempDir Path directory)
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig = directory.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: c",
            "  cluster: {server: 'http://127.0.0.1:" + closedPort + "'}",
            "users:",
            "- name: u",
            "  user: {token: t}",
            "contexts:",
            "- name: x",
            "  context: {cluster: c, user: u}",
            "current-context: x",
            ""));

    int status =
        Main.commandLine().execute("controller", "--kubeconfig=" + kubeconfig, "--metrics-addr=0");

    assertThat(status).isEqualTo(ControllerCommand.API_SERVER_UNREACHABLE);
  }

  @Test
  void refresh_without_a_target_is_refused() {
    StringWriter errors = new StringWriter();
    CommandLine line = Main.commandLine().setErr(new PrintWriter(errors));

    assertThat(line.execute("refresh", "--source-secret=a.b")).isEqualTo(2);
    assertThat(errors.toString()).contains("--target-secret");
  }

  @Test
  void the_help_lists_the_imps_flags() {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine().setOut(new PrintWriter(out));

    assertThat(line.execute("controller", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--metrics-addr",
            "--periodic-reconcile-interval",
            "--enable-leader-election",
            "--config-namespace",
            "--kubeconfig",
            "--log-level",
            "--log-json",
            "--qps",
            "--burst");
  }

  @Test
  void a_missing_source_keeps_its_credentials_ten_minutes_unless_told_and_never_a_negative_time() {
    assertThat(parse().missingSourceGrace()).isEqualTo(Duration.ofMinutes(10));
    assertThat(parse("--missing-source-grace=0").missingSourceGrace()).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> parse("--missing-source-grace=-1").missingSourceGrace())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--missing-source-grace");
  }

  @Test
  void the_lease_rides_out_a_15_second_api_server_outage_by_default() {
    LeaderElectionSettings lease =
        parse("--enable-leader-election", "--config-namespace=imps-system")
            .settings()
            .leaderElection()
            .orElseThrow();

    assertThat(lease.renewDeadline())
        .isGreaterThan(Duration.ofSeconds(15).plus(lease.retryPeriod()));
    assertThat(lease.leaseDuration()).isGreaterThan(lease.renewDeadline());
  }

  private static ControllerCommand parse(String... args) {
    ControllerCommand command = new ControllerCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
