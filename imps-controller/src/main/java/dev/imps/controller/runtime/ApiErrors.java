package dev.imps.controller.runtime;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an {@link ApiException} into a short, safe description: the HTTP status and the API
 * server's {@code Status.message}. Never the request body, and never {@link
 * ApiException#getMessage()}, which client-java fills with the whole response and its headers.
 */
final class ApiErrors {

  private static final int MAX_MESSAGE = 300;

  private ApiErrors() {}

  /**
   * Describes an error.
   *
   * @param error the error
   * @return {@code HTTP 409: <message>} or {@code cannot reach the API server (<cause>)}
   */
  static String describe(ApiException error) {
    if (error.getCode() == 0) {
      Throwable cause = error.getCause() == null ? error : error.getCause();
      return "cannot reach the API server (" + cause.getClass().getSimpleName() + ")";
    }
    String message = statusMessage(error.getResponseBody());
    return "HTTP " + error.getCode() + (message.isEmpty() ? "" : ": " + message);
  }

  /**
   * Tells whether the API server refused to create an object because its namespace is being
   * deleted.
   *
   * @param error the error
   * @return true for that 403
   */
  static boolean isNamespaceTerminating(ApiException error) {
    if (error.getCode() != 403 || error.getResponseBody() == null) {
      return false;
    }
    String body = error.getResponseBody();
    return body.contains("NamespaceTerminating")
        || body.toLowerCase(Locale.ROOT).contains("because it is being terminated");
  }

  /**
   * Returns the {@code Status.reason} of an error answer, such as {@code AlreadyExists}.
   *
   * @param error the error
   * @return the reason, or empty if the body is not a Status with a reason
   */
  static Optional<String> reason(ApiException error) {
    return field(error.getResponseBody(), "reason");
  }

  private static String statusMessage(String body) {
    return field(body, "message")
        .map(m -> m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) : m)
        .orElse("");
  }

  private static Optional<String> field(String body, String name) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonElement parsed = JsonParser.parseString(body);
      if (parsed.isJsonObject()) {
        JsonObject status = parsed.getAsJsonObject();
        if (status.has(name) && status.get(name).isJsonPrimitive()) {
          return Optional.of(status.get(name).getAsString());
        }
      }
    } catch (RuntimeException e) {
      // Not a Status object: say nothing rather than echo an unknown body.
    }
    return Optional.empty();
  }
}
