package dev.imps.controller.plan;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.imps.api.ApiConstants;
import dev.imps.controller.reconcile.SecretRef;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads what the plan needs from a live cluster, read-only: one LIST each of {@code
 * ImagePullSecret}s, namespaces, pods (metadata only) and ServiceAccounts, and of secrets only
 * those the reconciler looks at: copies (by the owner label), secrets with a target name (by field
 * selector), and the sources (by GET). Unrelated secrets are never read. Nothing is ever written.
 *
 * <p>The JSON answers go through the same {@link ObjectDecoder} as files. Lists are read in pages
 * of {@value #PAGE_SIZE}. Not thread-safe; use one reader per plan.
 */
public final class LiveClusterReader {

  /** Objects per LIST page. */
  static final int PAGE_SIZE = 500;

  private static final String METADATA_LIST =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
  private static final String JSON = "application/json";
  private static final String[] AUTH = {"BearerToken"};
  private static final Gson GSON = new Gson();

  private final ApiClient client;
  private final Set<SecretRef> secretsRead = new LinkedHashSet<>();
  private boolean denied;

  private LiveClusterReader(ApiClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Reads the cluster.
   *
   * @param client a client for the cluster
   * @return the decoded objects
   * @throws PlanInputException if a request fails (naming it and the API server's answer), the CRD
   *     is not installed, or an object cannot be decoded
   */
  public static ClusterObjects read(ApiClient client) throws PlanInputException {
    return new LiveClusterReader(client).readAll();
  }

  private ClusterObjects readAll() throws PlanInputException {
    ClusterObjects.Builder objects = ClusterObjects.builder();
    String crRequest = "LIST " + ApiConstants.PLURAL;
    List<Map<String, Object>> crs =
        list(
            "/apis/" + ApiConstants.API_VERSION + "/" + ApiConstants.PLURAL,
            Map.of(),
            JSON,
            crRequest,
            null);
    decodeItems(crs, ApiConstants.KIND, ApiConstants.API_VERSION, crRequest, objects);
    decodeItems(
        list("/api/v1/namespaces", Map.of(), JSON, "LIST namespaces", null),
        "Namespace",
        "v1",
        "LIST namespaces",
        objects);
    decodeItems(
        list("/api/v1/pods", Map.of(), METADATA_LIST, "LIST pods", null),
        "Pod",
        "v1",
        "LIST pods (metadata only)",
        objects);
    readSecrets(crs, objects);
    decodeItems(
        list(
            "/api/v1/serviceaccounts",
            Map.of(),
            JSON,
            "LIST serviceaccounts",
            message -> objects.warning(message + "; ServiceAccount patches are not planned")),
        "ServiceAccount",
        "v1",
        "LIST serviceaccounts",
        objects);
    return objects.build();
  }

  private void readSecrets(List<Map<String, Object>> crs, ClusterObjects.Builder objects)
      throws PlanInputException {
    String copies = "LIST secrets -l " + ApiConstants.OWNER_UID_LABEL;
    decodeSecrets(
        list(
            "/api/v1/secrets",
            Map.of("labelSelector", ApiConstants.OWNER_UID_LABEL),
            JSON,
            copies,
            null),
        copies,
        objects);
    Set<String> targets = new TreeSet<>();
    Set<SecretRef> sources = new LinkedHashSet<>();
    for (Map<String, Object> cr : crs) {
      // Raw fields: an invalid spec still names its target and sources, and decoding checked it.
      if (field(cr, "spec", "target", "secret", "name") instanceof String target) {
        targets.add(target);
      }
      if (field(cr, "spec", "registry", "credentials") instanceof List<?> credentials) {
        for (Object source : credentials) {
          if (source instanceof Map<?, ?> ref
              && ref.get("namespace") instanceof String namespace
              && ref.get("name") instanceof String name) {
            sources.add(new SecretRef(namespace, name));
          }
        }
      }
    }
    for (String target : targets) {
      String request = "LIST secrets --field-selector metadata.name=" + target;
      decodeSecrets(
          list(
              "/api/v1/secrets",
              Map.of("fieldSelector", "metadata.name=" + target),
              JSON,
              request,
              null),
          request,
          objects);
    }
    for (SecretRef source : sources) {
      if (secretsRead.contains(source)) {
        continue;
      }
      String request = "GET secret " + source;
      Optional<Map<String, Object>> secret =
          send(
              "/api/v1/namespaces/"
                  + client.escapeString(source.namespace())
                  + "/secrets/"
                  + client.escapeString(source.name()),
              List.of(),
              JSON,
              request,
              null);
      if (secret.isPresent()) {
        decodeSecrets(List.of(secret.get()), request, objects);
      }
    }
  }

  private static Object field(Map<String, Object> object, String... path) {
    Object value = object;
    for (String key : path) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(key);
    }
    return value;
  }

  private void decodeSecrets(
      List<Map<String, Object>> items, String request, ClusterObjects.Builder objects)
      throws PlanInputException {
    List<Map<String, Object>> unseen = new ArrayList<>();
    for (Map<String, Object> item : items) {
      Object metadata = item.get("metadata");
      if (metadata instanceof Map<?, ?> meta
          && meta.get("namespace") instanceof String namespace
          && meta.get("name") instanceof String name
          && !secretsRead.add(new SecretRef(namespace, name))) {
        continue;
      }
      unseen.add(item);
    }
    decodeItems(unseen, "Secret", "v1", request, objects);
  }

  private static void decodeItems(
      List<Map<String, Object>> items,
      String kind,
      String apiVersion,
      String request,
      ClusterObjects.Builder objects)
      throws PlanInputException {
    Origin origin = Origin.cluster(request);
    for (int i = 0; i < items.size(); i++) {
      // List items come without kind (and metadata-only ones as PartialObjectMetadata).
      Map<String, Object> item = new LinkedHashMap<>(items.get(i));
      item.put("kind", kind);
      item.put("apiVersion", apiVersion);
      ObjectDecoder.decode(item, origin.item(i), objects);
    }
  }

  private List<Map<String, Object>> list(
      String path,
      Map<String, String> query,
      String accept,
      String request,
      Consumer<String> onDenied)
      throws PlanInputException {
    List<Map<String, Object>> items = new ArrayList<>();
    String continueToken = null;
    do {
      List<Pair> params = new ArrayList<>();
      query.forEach((key, value) -> params.add(new Pair(key, value)));
      params.add(new Pair("limit", String.valueOf(PAGE_SIZE)));
      if (continueToken != null) {
        params.add(new Pair("continue", continueToken));
      }
      Optional<Map<String, Object>> answer = send(path, params, accept, request, onDenied);
      if (answer.isEmpty() && onDenied != null && denied) {
        return List.of();
      }
      Map<String, Object> page = answer.orElseThrow(() -> notFound(path, request));
      if (page.get("items") instanceof List<?> pageItems) {
        for (Object item : pageItems) {
          if (item instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            items.add(typed);
          }
        }
      }
      continueToken = null;
      if (page.get("metadata") instanceof Map<?, ?> metadata
          && metadata.get("continue") instanceof String next
          && !next.isEmpty()) {
        continueToken = next;
      }
    } while (continueToken != null);
    return items;
  }

  private PlanInputException notFound(String path, String request) {
    if (path.startsWith("/apis/" + ApiConstants.GROUP)) {
      return new PlanInputException(
          "cluster: "
              + request
              + ": the API server does not serve "
              + ApiConstants.API_VERSION
              + " "
              + ApiConstants.PLURAL
              + "; install the CRD ("
              + ApiConstants.CRD_NAME
              + ") first");
    }
    return new PlanInputException("cluster: " + request + ": not found");
  }

  /**
   * Sends one GET. Empty on 404, and on 401/403 when {@code onDenied} takes the message (then
   * {@link #denied} is set); any other failure throws.
   */
  private Optional<Map<String, Object>> send(
      String path, List<Pair> query, String accept, String request, Consumer<String> onDenied)
      throws PlanInputException {
    denied = false;
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", accept);
    Call call;
    try {
      call =
          client.buildCall(
              null,
              path,
              "GET",
              query,
              new ArrayList<>(),
              null,
              headers,
              new HashMap<>(),
              new HashMap<>(),
              AUTH,
              null);
    } catch (ApiException e) {
      throw new PlanInputException("cluster: " + request + ": " + e.getMessage(), e);
    }
    try (Response response = call.execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (response.code() == 404) {
        return Optional.empty();
      }
      if ((response.code() == 401 || response.code() == 403) && onDenied != null) {
        denied = true;
        onDenied.accept("cluster: " + request + ": " + response.code() + " " + statusMessage(text));
        return Optional.empty();
      }
      if (!response.isSuccessful()) {
        throw new PlanInputException(
            "cluster: " + request + ": " + response.code() + " " + statusMessage(text));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed = GSON.fromJson(text, Map.class);
      return Optional.ofNullable(parsed);
    } catch (IOException e) {
      throw new PlanInputException(
          "cluster: " + request + ": cannot reach the API server: " + e.getMessage(), e);
    } catch (JsonParseException e) {
      throw new PlanInputException("cluster: " + request + ": the answer is not JSON", e);
    }
  }

  /** The API server's own explanation of an error ({@code Status.message}), never the body. */
  private static String statusMessage(String body) {
    try {
      Map<?, ?> status = GSON.fromJson(body, Map.class);
      if (status != null && status.get("message") instanceof String message) {
        return message;
      }
    } catch (JsonParseException e) {
      // Not a Status object; say nothing more.
    }
    return "(no message)";
  }
}
