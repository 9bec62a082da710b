package dev.imps.controller.cli;

import dev.imps.controller.runtime.ApiServerCheck;
import io.kubernetes.client.openapi.ApiClient;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options every command takes: where the cluster is, and how to log. */
final class CommonOptions {

  private static final Logger LOG = LoggerFactory.getLogger(CommonOptions.class);

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

  /**
   * Asks the API server for its version ({@link ApiServerCheck#DEFAULT}) and logs it, or logs why
   * it did not answer.
   *
   * @param requests a client with a read timeout
   * @return whether it answered
   * @throws InterruptedException if interrupted between attempts
   */
  boolean apiServerAnswers(ApiClient requests) throws InterruptedException {
    try {
      String version = ApiServerCheck.DEFAULT.version(requests);
      LOG.info("API server {} at {}", version, requests.getBasePath());
      return true;
    } catch (ApiServerCheck.UnreachableApiServerException e) {
      LOG.error(e.getMessage());
      return false;
    }
  }
}
