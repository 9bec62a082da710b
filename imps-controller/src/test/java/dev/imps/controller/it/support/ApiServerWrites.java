package dev.imps.controller.it.support;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The API server's own count of the writes it served ({@code apiserver_request_total} of its {@code
 * /metrics}), by verb and resource, so a test proves "imps wrote nothing" without resting on imps's
 * self-reported {@code imps_api_writes_total}.
 */
public final class ApiServerWrites {

  private static final String METRIC = "apiserver_request_total{";
  private static final Set<String> WRITE_VERBS =
      Set.of("POST", "PUT", "PATCH", "DELETE", "DELETECOLLECTION", "APPLY");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private ApiServerWrites() {}

  /**
   * Reads the write counts now.
   *
   * @param admin a client allowed to GET {@code /metrics}
   * @return count by {@code "VERB resource[/subresource]"}, summed over codes, groups and scopes
   */
  public static Map<String, Double> read(ApiClient admin) {
    Map<String, Double> counts = new TreeMap<>();
    for (String line : fetchMetrics(admin).split("\n")) {
      if (!line.startsWith(METRIC)) {
        continue;
      }
      int close = line.lastIndexOf('}');
      Map<String, String> labels = new HashMap<>();
      Matcher m = LABEL.matcher(line.substring(METRIC.length(), close));
      while (m.find()) {
        labels.put(m.group(1), m.group(2));
      }
      String verb = labels.getOrDefault("verb", "");
      if (!WRITE_VERBS.contains(verb)) {
        continue;
      }
      String subresource = labels.getOrDefault("subresource", "");
      String key =
          verb
              + " "
              + labels.getOrDefault("resource", "")
              + (subresource.isEmpty() ? "" : "/" + subresource);
      counts.merge(key, Double.parseDouble(line.substring(close + 1).trim()), Double::sum);
    }
    return counts;
  }

  /**
   * Returns the writes between two readings to resources whose name starts with one of the given
   * ones (so {@code imagepullsecrets} includes {@code imagepullsecrets/status}).
   *
   * @param before the earlier reading
   * @param after the later reading
   * @param resources the resources to keep, e.g. {@code secrets}
   * @return the increase by key; keys that did not move are left out
   */
  public static Map<String, Double> delta(
      Map<String, Double> before, Map<String, Double> after, Set<String> resources) {
    Map<String, Double> delta = new TreeMap<>();
    after.forEach(
        (key, value) -> {
          String resource = key.substring(key.indexOf(' ') + 1).split("/")[0];
          double increase = value - before.getOrDefault(key, 0.0);
          if (resources.contains(resource) && increase > 0) {
            delta.put(key, increase);
          }
        });
    return delta;
  }

  private static String fetchMetrics(ApiClient admin) {
    try {
      Call call =
          admin.buildCall(
              null,
              "/metrics",
              "GET",
              List.of(),
              List.of(),
              null,
              new HashMap<>(Map.of("Accept", "text/plain")),
              new HashMap<>(),
              new HashMap<>(),
              new String[] {"BearerToken"},
              null);
      try (Response response = call.execute()) {
        if (response.code() != 200 || response.body() == null) {
          throw new IllegalStateException(
              "GET /metrics of kube-apiserver answered " + response.code());
        }
        return response.body().string();
      }
    } catch (ApiException e) {
      throw new IllegalStateException("cannot build GET /metrics: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("GET /metrics of kube-apiserver failed", e);
    }
  }
}
