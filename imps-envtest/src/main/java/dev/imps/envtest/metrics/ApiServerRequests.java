package dev.imps.envtest.metrics;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The API server's own count of requests it served, {@code apiserver_request_total}, by verb and
 * resource; deltas between two readings are what clients asked in between.
 */
public final class ApiServerRequests {

  /** The metric the API server counts requests in. */
  public static final String METRIC = "apiserver_request_total";

  /** Verbs that change state. */
  public static final Set<String> WRITE_VERBS =
      Set.of("POST", "PUT", "PATCH", "DELETE", "DELETECOLLECTION", "APPLY");

  /**
   * What a request was.
   *
   * @param verb the API server's verb label: {@code GET}, {@code LIST}, {@code WATCH}, {@code
   *     POST}, {@code PUT}, {@code PATCH}, {@code DELETE}, ...
   * @param resource the resource, such as {@code secrets}
   * @param subresource the subresource, such as {@code status}, or empty
   */
  public record Key(String verb, String resource, String subresource) implements Comparable<Key> {

    /**
     * Validates the key.
     *
     * @throws NullPointerException if a component is null
     */
    public Key {
      Objects.requireNonNull(verb, "verb");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(subresource, "subresource");
    }

    /**
     * Tells whether the verb changes state.
     *
     * @return true for POST, PUT, PATCH, DELETE, DELETECOLLECTION and APPLY
     */
    public boolean isWrite() {
      return WRITE_VERBS.contains(verb);
    }

    @Override
    public int compareTo(Key other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return verb + " " + resource + (subresource.isEmpty() ? "" : "/" + subresource);
    }
  }

  private ApiServerRequests() {}

  /**
   * Reads the counts from the API server's {@code /metrics}.
   *
   * @param admin a client allowed to GET {@code /metrics}
   * @return count by key, summed over codes, groups, versions and scopes
   * @throws IllegalStateException if the API server does not answer 200
   */
  public static Map<Key, Double> read(ApiClient admin) {
    return count(PrometheusText.parse(fetchMetrics(admin)));
  }

  /**
   * Sums {@code apiserver_request_total} samples by key.
   *
   * @param samples the parsed metrics
   * @return count by key
   */
  public static Map<Key, Double> count(List<PrometheusText.Sample> samples) {
    Map<Key, Double> counts = new HashMap<>();
    for (PrometheusText.Sample sample : samples) {
      if (sample.name().equals(METRIC)) {
        counts.merge(
            new Key(sample.label("verb"), sample.label("resource"), sample.label("subresource")),
            sample.value(),
            Double::sum);
      }
    }
    return counts;
  }

  /**
   * Returns what was counted between two readings, for the given resources only, leaving out keys
   * that did not change.
   *
   * @param before the earlier reading
   * @param after the later reading
   * @param resources the resources to keep
   * @return the increase by key, sorted
   */
  public static Map<Key, Double> delta(
      Map<Key, Double> before, Map<Key, Double> after, Set<String> resources) {
    Map<Key, Double> delta = new TreeMap<>();
    after.forEach(
        (key, value) -> {
          if (resources.contains(key.resource())) {
            double increase = value - before.getOrDefault(key, 0.0);
            if (increase > 0) {
              delta.put(key, increase);
            }
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
