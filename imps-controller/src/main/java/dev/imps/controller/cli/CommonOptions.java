package dev.imps.controller.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where the cluster is, and how to log. */
final class CommonOptions {

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, then the in-cluster service"
              + " account.")
  Path kubeconfig;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "info",
      description = "error, warn, info, debug or trace. Default: ${DEFAULT-VALUE}.")
  String logLevel;

  @Option(
      names = "--log-json",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description = "Write one JSON object per log line.")
  boolean logJson;

  /** Applies the logging options; call before anything logs. */
  void configureLogging() {
    LogSetup.configure(logLevel, logJson);
  }
}
