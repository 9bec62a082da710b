package dev.imps.controller.runtime;

import com.google.gson.JsonParseException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.VersionInfo;
import java.time.Duration;
import java.util.Objects;

/**
 * Asks the API server for its version before anything starts, so a wrong or missing kubeconfig is
 * one clear error at start-up instead of informers retrying forever. A few attempts with a pause
 * between them ride out an API server that is still starting.
 *
 * @param attempts how many times to ask, at least 1
 * @param pause the wait between attempts
 */
public record ApiServerCheck(int attempts, Duration pause) {

  /** What the operator uses: 5 attempts, 2 s apart. */
  public static final ApiServerCheck DEFAULT = new ApiServerCheck(5, Duration.ofSeconds(2));

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if {@code attempts} is below 1 or {@code pause} negative
   */
  public ApiServerCheck {
    Objects.requireNonNull(pause, "pause");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    if (pause.isNegative()) {
      throw new IllegalArgumentException("pause must not be negative, got " + pause);
    }
  }

  /**
   * Returns the API server's version, asking up to {@link #attempts()} times.
   *
   * @param client the client to ask with; a read timeout is advised ({@link
   *     KubeClients#forRequests(ApiClient)})
   * @return the version, such as {@code v1.34.4}
   * @throws UnreachableApiServerException if no attempt got an answer; the message names the server
   *     and the last reason, never a credential
   * @throws InterruptedException if interrupted while waiting between attempts
   */
  public String version(ApiClient client) throws InterruptedException {
    String reason = "no attempt made";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        VersionInfo info = new VersionApi(client).getCode().execute();
        return info.getGitVersion();
      } catch (JsonParseException | IllegalArgumentException e) {
        // It answered, with a version client-java's model does not accept: reachable all the same.
        return "(version not readable)";
      } catch (ApiException e) {
        reason = e.getCode() == 0 ? describe(e.getCause()) : "HTTP " + e.getCode();
      }
      if (attempt < attempts) {
        Thread.sleep(pause.toMillis());
      }
    }
    throw new UnreachableApiServerException(
        "cannot reach the Kubernetes API server at "
            + client.getBasePath()
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + " ("
            + reason
            + "); pass --kubeconfig, set KUBECONFIG, or run imps in a cluster with a service"
            + " account");
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "no answer";
    }
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  /** The API server did not answer at start-up. */
  public static final class UnreachableApiServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreachableApiServerException(String message) {
      super(message);
    }
  }
}
