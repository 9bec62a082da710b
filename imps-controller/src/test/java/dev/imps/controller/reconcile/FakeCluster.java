package dev.imps.controller.reconcile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.selector.PodView;
import io.kubernetes.client.openapi.JSON;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory cluster for unit tests: a {@link ClusterState} and a {@link ClusterActions} over the
 * same objects, so that a test can run pass after pass and watch the cluster converge.
 *
 * <p>Writes behave like the API server's where the reconciler cares: merge patches are applied as
 * JSON (sent through a Gson that keeps nulls, as the runtime does), {@code resourceVersion} in a
 * patch and the uid of a delete are preconditions (409), creates of existing names answer "already
 * exists", writes into terminating namespaces are refused, and the status patch is parsed back with
 * client-java's {@link JSON}. Faults can be injected per write. Synchronized, so the reconciler may
 * write from several threads.
 */
final class FakeCluster implements ClusterState, ClusterActions {

  private static final Gson PATCH_JSON = new GsonBuilder().serializeNulls().create();

  private final Map<String, ImagePullSecret> crs = new TreeMap<>();
  private final Map<String, NamespaceSnapshot> namespaces = new TreeMap<>();
  private final Map<String, List<PodView>> pods = new HashMap<>();
  private final Map<SecretRef, SecretSnapshot> secrets = new TreeMap<>();
  private final Map<String, ServiceAccountSnapshot> serviceAccounts = new TreeMap<>();
  private final Map<String, WriteResult> faults = new HashMap<>();
  private final List<String> writes = new ArrayList<>();
  private final List<EventRecord> events = new ArrayList<>();
  private final AtomicLong versions = new AtomicLong(100);
  private Instant now = Instant.parse("2025-01-01T00:00:00Z");
  private int podReads;
  private boolean prunesImpsStatusFields;

  // ---- arranging -------------------------------------------------------------------------------

  synchronized FakeCluster withNamespace(String name, Map<String, String> labels) {
    namespaces.put(name, new NamespaceSnapshot(name, "ns-" + name, labels, Map.of(), false));
    return this;
  }

  synchronized FakeCluster withNamespace(String name) {
    return withNamespace(name, Map.of());
  }

  synchronized FakeCluster terminatingNamespace(String name) {
    namespaces.put(name, new NamespaceSnapshot(name, "ns-" + name, Map.of(), Map.of(), true));
    return this;
  }

  synchronized FakeCluster put(NamespaceSnapshot namespace) {
    namespaces.put(namespace.name(), namespace);
    return this;
  }

  synchronized FakeCluster removeNamespace(String name) {
    namespaces.remove(name);
    secrets.keySet().removeIf(ref -> ref.namespace().equals(name));
    serviceAccounts.keySet().removeIf(key -> key.startsWith(name + "/"));
    pods.remove(name);
    return this;
  }

  synchronized FakeCluster pod(String namespace, String name, Map<String, String> labels) {
    pods.computeIfAbsent(namespace, n -> new ArrayList<>()).add(PodView.of(name, labels));
    return this;
  }

  synchronized FakeCluster removePod(String namespace, String name) {
    pods.getOrDefault(namespace, new ArrayList<>()).removeIf(p -> p.name().equals(name));
    return this;
  }

  /** Creates or updates an ImagePullSecret; as the API server, an update keeps the status. */
  synchronized FakeCluster put(ImagePullSecret cr) {
    ImagePullSecret previous = crs.get(cr.getMetadata().getName());
    if (previous != null && cr.getStatus() == null) {
      cr.setStatus(previous.getStatus());
      if (!cr.getSpec().equals(previous.getSpec())) {
        cr.getMetadata().setGeneration(previous.getMetadata().getGeneration() + 1);
      }
    }
    crs.put(cr.getMetadata().getName(), cr);
    return this;
  }

  synchronized FakeCluster removeCr(String name) {
    crs.remove(name);
    return this;
  }

  /** Stores a secret as someone other than imps would: a fresh uid and resource version. */
  synchronized FakeCluster put(SecretSnapshot secret) {
    secrets.put(
        secret.ref(),
        rebuild(secret)
            .uid(secret.uid().isEmpty() ? "uid-" + versions.incrementAndGet() : secret.uid())
            .resourceVersion(String.valueOf(versions.incrementAndGet()))
            .creationTimestamp(secret.creationTimestamp().orElse(now))
            .build());
    return this;
  }

  synchronized FakeCluster removeSecret(String namespace, String name) {
    secrets.remove(new SecretRef(namespace, name));
    return this;
  }

  synchronized FakeCluster withServiceAccount(
      String namespace, String name, String... pullSecrets) {
    serviceAccounts.put(
        namespace + "/" + name,
        new ServiceAccountSnapshot(
            namespace,
            name,
            String.valueOf(versions.incrementAndGet()),
            List.of(pullSecrets),
            Map.of()));
    return this;
  }

  /** Makes every matching write answer {@code result}, e.g. key {@code "create a/pull"}. */
  synchronized FakeCluster fail(String key, WriteResult result) {
    faults.put(key, result);
    return this;
  }

  /**
   * Stores statuses as IMPS's original CRD does: without observedGeneration, conditions, conflicts.
   */
  synchronized FakeCluster withOriginalCrdStatusSchema() {
    prunesImpsStatusFields = true;
    return this;
  }

  synchronized FakeCluster clearFaults() {
    faults.clear();
    return this;
  }

  synchronized FakeCluster at(Instant instant) {
    this.now = instant;
    return this;
  }

  // ---- inspecting ------------------------------------------------------------------------------

  synchronized List<String> writes() {
    return List.copyOf(writes);
  }

  synchronized List<String> takeWrites() {
    List<String> taken = List.copyOf(writes);
    writes.clear();
    return taken;
  }

  synchronized List<EventRecord> events() {
    return List.copyOf(events);
  }

  synchronized List<EventRecord> takeEvents() {
    List<EventRecord> taken = List.copyOf(events);
    events.clear();
    return taken;
  }

  synchronized ImagePullSecretStatus status(String cr) {
    return crs.get(cr).getStatus();
  }

  synchronized int podReads() {
    return podReads;
  }

  synchronized Map<SecretRef, SecretSnapshot> secrets() {
    return new TreeMap<>(secrets);
  }

  synchronized Map<String, ServiceAccountSnapshot> serviceAccounts() {
    return new TreeMap<>(serviceAccounts);
  }

  synchronized Optional<ServiceAccountSnapshot> account(String namespace, String name) {
    return Optional.ofNullable(serviceAccounts.get(namespace + "/" + name));
  }

  // ---- ClusterState ----------------------------------------------------------------------------

  @Override
  public synchronized Optional<ImagePullSecret> imagePullSecret(String name) {
    return Optional.ofNullable(crs.get(name));
  }

  @Override
  public synchronized List<ImagePullSecret> imagePullSecrets() {
    return List.copyOf(crs.values());
  }

  @Override
  public synchronized List<NamespaceSnapshot> namespaces() {
    return List.copyOf(namespaces.values());
  }

  @Override
  public synchronized Optional<NamespaceSnapshot> namespace(String name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  @Override
  public synchronized List<PodView> pods(String namespace) {
    podReads++;
    return List.copyOf(pods.getOrDefault(namespace, List.of()));
  }

  @Override
  public synchronized Optional<SecretSnapshot> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(new SecretRef(namespace, name)));
  }

  @Override
  public synchronized List<SecretSnapshot> copiesOwnedBy(String ownerUid) {
    return secrets.values().stream()
        .filter(s -> s.ownerUid().filter(ownerUid::equals).isPresent())
        .toList();
  }

  @Override
  public synchronized List<SecretSnapshot> allCopies() {
    return secrets.values().stream().filter(s -> s.ownerUid().isPresent()).toList();
  }

  @Override
  public synchronized Optional<ServiceAccountSnapshot> serviceAccount(
      String namespace, String name) {
    return account(namespace, name);
  }

  @Override
  public synchronized List<ServiceAccountSnapshot> serviceAccountsPatchedByImps() {
    return serviceAccounts.values().stream().filter(ServiceAccountSnapshot::patchedByImps).toList();
  }

  // ---- ClusterActions --------------------------------------------------------------------------

  @Override
  public synchronized WriteResult createSecret(DesiredSecret secret) {
    String key = "create " + secret.ref();
    writes.add(key);
    Optional<WriteResult> fault = fault(key, secret.ref().namespace());
    if (fault.isPresent()) {
      return fault.get();
    }
    if (secrets.containsKey(secret.ref())) {
      return WriteResult.of(WriteResult.Outcome.ALREADY_EXISTS, "already exists");
    }
    JsonObject json = PATCH_JSON.toJsonTree(secret.manifest()).getAsJsonObject();
    JsonObject metadata = json.getAsJsonObject("metadata");
    metadata.addProperty("uid", "uid-" + versions.incrementAndGet());
    metadata.addProperty("resourceVersion", String.valueOf(versions.incrementAndGet()));
    metadata.addProperty("creationTimestamp", now.toString());
    secrets.put(secret.ref(), fromJson(json));
    return WriteResult.applied();
  }

  @Override
  public synchronized WriteResult patchSecret(SecretPatch patch) {
    String key = "patch " + patch.ref();
    writes.add(key);
    Optional<WriteResult> fault = fault(key, patch.ref().namespace());
    if (fault.isPresent()) {
      return fault.get();
    }
    SecretSnapshot current = secrets.get(patch.ref());
    if (current == null) {
      return WriteResult.of(WriteResult.Outcome.NOT_FOUND, "not found");
    }
    JsonObject body = PATCH_JSON.toJsonTree(patch.body()).getAsJsonObject();
    JsonElement rv = body.getAsJsonObject("metadata").get("resourceVersion");
    if (rv != null && !rv.getAsString().equals(current.resourceVersion())) {
      return WriteResult.of(WriteResult.Outcome.CONFLICT, "the object has been modified");
    }
    JsonObject merged = mergePatch(toJson(current), body).getAsJsonObject();
    merged
        .getAsJsonObject("metadata")
        .addProperty("resourceVersion", String.valueOf(versions.incrementAndGet()));
    secrets.put(patch.ref(), fromJson(merged));
    return WriteResult.applied();
  }

  @Override
  public synchronized WriteResult deleteSecret(SecretRef ref, String uid) {
    String key = "delete " + ref;
    writes.add(key);
    Optional<WriteResult> fault = fault(key, null);
    if (fault.isPresent()) {
      return fault.get();
    }
    SecretSnapshot current = secrets.get(ref);
    if (current == null) {
      return WriteResult.of(WriteResult.Outcome.NOT_FOUND, "not found");
    }
    if (!uid.isEmpty() && !uid.equals(current.uid())) {
      return WriteResult.of(WriteResult.Outcome.CONFLICT, "uid precondition failed");
    }
    secrets.remove(ref);
    return WriteResult.applied();
  }

  @Override
  public synchronized WriteResult patchServiceAccount(ServiceAccountPatch patch) {
    String key = "patch serviceaccount " + patch.namespace() + "/" + patch.name();
    writes.add(key);
    Optional<WriteResult> fault = fault(key, patch.namespace());
    if (fault.isPresent()) {
      return fault.get();
    }
    ServiceAccountSnapshot current = serviceAccounts.get(patch.namespace() + "/" + patch.name());
    if (current == null) {
      return WriteResult.of(WriteResult.Outcome.NOT_FOUND, "not found");
    }
    JsonObject body = PATCH_JSON.toJsonTree(patch.body()).getAsJsonObject();
    JsonElement rv = body.getAsJsonObject("metadata").get("resourceVersion");
    if (rv != null && !rv.getAsString().equals(current.resourceVersion())) {
      return WriteResult.of(WriteResult.Outcome.CONFLICT, "the object has been modified");
    }
    JsonObject json = new JsonObject();
    JsonObject metadata = new JsonObject();
    metadata.add("annotations", PATCH_JSON.toJsonTree(current.annotations()));
    json.add("metadata", metadata);
    JsonArray list = new JsonArray();
    current.imagePullSecrets().forEach(n -> list.add(PATCH_JSON.toJsonTree(Map.of("name", n))));
    json.add("imagePullSecrets", list);
    JsonObject merged = mergePatch(json, body).getAsJsonObject();
    List<String> names = new ArrayList<>();
    merged
        .getAsJsonArray("imagePullSecrets")
        .forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
    Map<String, String> annotations = new TreeMap<>();
    JsonObject mergedAnnotations =
        merged.getAsJsonObject("metadata").getAsJsonObject("annotations");
    if (mergedAnnotations != null) {
      mergedAnnotations
          .entrySet()
          .forEach(e -> annotations.put(e.getKey(), e.getValue().getAsString()));
    }
    serviceAccounts.put(
        patch.namespace() + "/" + patch.name(),
        new ServiceAccountSnapshot(
            patch.namespace(),
            patch.name(),
            String.valueOf(versions.incrementAndGet()),
            names,
            annotations));
    return WriteResult.applied();
  }

  @Override
  public synchronized WriteResult patchStatus(StatusPatch patch) {
    String key = "status " + patch.name();
    writes.add(key);
    Optional<WriteResult> fault = fault(key, null);
    if (fault.isPresent()) {
      return fault.get();
    }
    ImagePullSecret cr = crs.get(patch.name());
    if (cr == null) {
      return WriteResult.of(WriteResult.Outcome.NOT_FOUND, "not found");
    }
    JsonElement current =
        cr.getStatus() == null
            ? new JsonObject()
            : JsonParser.parseString(JSON.serialize(cr.getStatus()));
    JsonObject body = PATCH_JSON.toJsonTree(patch.body()).getAsJsonObject();
    JsonElement merged = mergePatch(current, body.get("status"));
    ImagePullSecretStatus stored = JSON.deserialize(merged.toString(), ImagePullSecretStatus.class);
    if (prunesImpsStatusFields) {
      stored.observedGeneration(null).conditions(null).conflicts(null);
    }
    cr.setStatus(stored);
    return WriteResult.applied();
  }

  @Override
  public synchronized void recordEvent(EventRecord event) {
    events.add(event);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private Optional<WriteResult> fault(String key, String namespace) {
    WriteResult fault = faults.get(key);
    if (fault != null) {
      return Optional.of(fault);
    }
    NamespaceSnapshot ns = namespace == null ? null : namespaces.get(namespace);
    if (namespace != null && ns == null) {
      return Optional.of(WriteResult.of(WriteResult.Outcome.NOT_FOUND, "namespace not found"));
    }
    if (ns != null && ns.terminating() && key.startsWith("create")) {
      return Optional.of(
          WriteResult.of(WriteResult.Outcome.NAMESPACE_TERMINATING, "namespace is terminating"));
    }
    return Optional.empty();
  }

  /** RFC 7386 JSON merge patch. */
  static JsonElement mergePatch(JsonElement target, JsonElement patch) {
    if (patch == null || !patch.isJsonObject()) {
      return patch;
    }
    JsonObject result =
        target != null && target.isJsonObject()
            ? target.getAsJsonObject().deepCopy()
            : new JsonObject();
    for (Map.Entry<String, JsonElement> entry : patch.getAsJsonObject().entrySet()) {
      if (entry.getValue().isJsonNull()) {
        result.remove(entry.getKey());
      } else {
        result.add(entry.getKey(), mergePatch(result.get(entry.getKey()), entry.getValue()));
      }
    }
    return result;
  }

  private static SecretSnapshot.Builder rebuild(SecretSnapshot s) {
    return SecretSnapshot.builder(s.namespace(), s.name())
        .uid(s.uid())
        .resourceVersion(s.resourceVersion())
        .type(s.type())
        .labels(s.labels())
        .annotations(s.annotations())
        .data(s.data())
        .creationTimestamp(s.creationTimestamp().orElse(null))
        .ownerReferences(s.ownerReferences());
  }

  private static JsonObject toJson(SecretSnapshot s) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", s.name());
    metadata.put("namespace", s.namespace());
    metadata.put("uid", s.uid());
    metadata.put("resourceVersion", s.resourceVersion());
    metadata.put("labels", s.labels());
    metadata.put("annotations", s.annotations());
    List<Object> owners = new ArrayList<>();
    for (OwnerRef o : s.ownerReferences()) {
      owners.add(
          Map.of("apiVersion", o.apiVersion(), "kind", o.kind(), "name", o.name(), "uid", o.uid()));
    }
    metadata.put("ownerReferences", owners);
    s.creationTimestamp().ifPresent(t -> metadata.put("creationTimestamp", t.toString()));
    Map<String, Object> data = new LinkedHashMap<>();
    s.data().forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v)));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("metadata", metadata);
    json.put("type", s.type());
    json.put("data", data);
    return PATCH_JSON.toJsonTree(json).getAsJsonObject();
  }

  private static SecretSnapshot fromJson(JsonObject json) {
    JsonObject metadata = json.getAsJsonObject("metadata");
    SecretSnapshot.Builder builder =
        SecretSnapshot.builder(
                metadata.get("namespace").getAsString(), metadata.get("name").getAsString())
            .uid(metadata.get("uid").getAsString())
            .resourceVersion(metadata.get("resourceVersion").getAsString())
            .type(json.get("type").getAsString())
            .labels(strings(metadata.getAsJsonObject("labels")))
            .annotations(strings(metadata.getAsJsonObject("annotations")));
    if (metadata.has("creationTimestamp")) {
      builder.creationTimestamp(Instant.parse(metadata.get("creationTimestamp").getAsString()));
    }
    List<OwnerRef> owners = new ArrayList<>();
    if (metadata.has("ownerReferences")) {
      for (JsonElement e : metadata.getAsJsonArray("ownerReferences")) {
        JsonObject o = e.getAsJsonObject();
        owners.add(
            new OwnerRef(
                o.get("apiVersion").getAsString(),
                o.get("kind").getAsString(),
                o.get("name").getAsString(),
                o.get("uid").getAsString()));
      }
    }
    builder.ownerReferences(owners);
    Map<String, byte[]> data = new TreeMap<>();
    if (json.has("data")) {
      json.getAsJsonObject("data")
          .entrySet()
          .forEach(
              e -> data.put(e.getKey(), Base64.getDecoder().decode(e.getValue().getAsString())));
    }
    return builder.data(data).build();
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> map = new TreeMap<>();
    if (object != null) {
      object.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
    }
    return map;
  }
}
