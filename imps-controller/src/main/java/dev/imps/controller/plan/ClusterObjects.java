package dev.imps.controller.plan;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.controller.reconcile.NamespaceSnapshot;
import dev.imps.controller.reconcile.SecretRef;
import dev.imps.controller.reconcile.SecretSnapshot;
import dev.imps.controller.reconcile.ServiceAccountSnapshot;
import dev.imps.selector.PodView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the plan reads, decoded and checked: {@code ImagePullSecret}s, namespaces, pods
 * (metadata only), secrets and ServiceAccounts, each remembered with where it came from, plus
 * warnings about input the plan ignores.
 *
 * <p>Immutable once built; built by {@link Builder}, which rejects an object given twice. The
 * {@code ImagePullSecret} beans are mutable by nature; nobody changes them after decoding.
 */
public final class ClusterObjects {

  private final Map<String, ImagePullSecret> imagePullSecrets;
  private final Map<String, Origin> imagePullSecretOrigins;
  private final Map<String, String> rejectedImagePullSecrets;
  private final Map<String, NamespaceSnapshot> namespaces;
  private final Map<String, List<PodView>> podsByNamespace;
  private final Map<SecretRef, SecretSnapshot> secrets;
  private final Map<String, ServiceAccountSnapshot> serviceAccounts;
  private final List<String> warnings;

  private ClusterObjects(Builder builder) {
    this.imagePullSecrets = Collections.unmodifiableMap(new TreeMap<>(builder.imagePullSecrets));
    this.imagePullSecretOrigins = Map.copyOf(builder.origins);
    this.rejectedImagePullSecrets = Collections.unmodifiableMap(new TreeMap<>(builder.rejected));
    Map<String, NamespaceSnapshot> allNamespaces = new TreeMap<>(builder.namespaces);
    List<String> allWarnings = new ArrayList<>(builder.warnings);
    for (String implied : builder.impliedNamespaces) {
      if (!allNamespaces.containsKey(implied)) {
        allNamespaces.put(implied, NamespaceSnapshot.active(implied, Map.of()));
        allWarnings.add(
            "namespace "
                + implied
                + " has objects but no Namespace document; assuming it has no labels or"
                + " annotations");
      }
    }
    this.namespaces = Collections.unmodifiableMap(allNamespaces);
    Map<String, List<PodView>> pods = new TreeMap<>();
    builder.pods.forEach((namespace, views) -> pods.put(namespace, List.copyOf(views.values())));
    this.podsByNamespace = Collections.unmodifiableMap(pods);
    this.secrets = Collections.unmodifiableMap(new TreeMap<>(builder.secrets));
    this.serviceAccounts = Collections.unmodifiableMap(new TreeMap<>(builder.serviceAccounts));
    if (!builder.ignoredKinds.isEmpty()) {
      allWarnings.add(
          "ignored objects the plan does not need: "
              + String.join(
                  ", ",
                  builder.ignoredKinds.entrySet().stream()
                      .map(e -> e.getKey() + " (" + e.getValue() + ")")
                      .toList()));
    }
    this.warnings = List.copyOf(allWarnings);
  }

  /**
   * Starts an empty set of objects.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the {@code ImagePullSecret}s.
   *
   * @return by name, sorted
   */
  public Map<String, ImagePullSecret> imagePullSecrets() {
    return imagePullSecrets;
  }

  /**
   * Returns the {@code ImagePullSecret}s the API server would reject (a value against the CRD's
   * rules), which the plan reports as invalid and never plans.
   *
   * @return why each is rejected, by name, sorted
   */
  public Map<String, String> rejectedImagePullSecrets() {
    return rejectedImagePullSecrets;
  }

  /**
   * Returns where an {@code ImagePullSecret} came from.
   *
   * @param name its name
   * @return the origin, or {@code null} if there is no such object
   */
  public Origin originOf(String name) {
    return imagePullSecretOrigins.get(name);
  }

  /**
   * Returns the namespaces, including those implied by objects in them.
   *
   * @return by name, sorted
   */
  public Map<String, NamespaceSnapshot> namespaces() {
    return namespaces;
  }

  /**
   * Returns the pods.
   *
   * @return by namespace, sorted; each list in name order
   */
  public Map<String, List<PodView>> podsByNamespace() {
    return podsByNamespace;
  }

  /**
   * Returns the secrets.
   *
   * @return by namespace and name, sorted
   */
  public Map<SecretRef, SecretSnapshot> secrets() {
    return secrets;
  }

  /**
   * Returns the ServiceAccounts.
   *
   * @return by {@code namespace/name}, sorted
   */
  public Map<String, ServiceAccountSnapshot> serviceAccounts() {
    return serviceAccounts;
  }

  /**
   * Returns warnings about the input: objects ignored, namespaces assumed.
   *
   * @return the warnings, without any secret value
   */
  public List<String> warnings() {
    return warnings;
  }

  /** Collects objects; not thread-safe. */
  public static final class Builder {
    private final Map<String, ImagePullSecret> imagePullSecrets = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final Map<String, String> rejected = new LinkedHashMap<>();
    private final Map<String, NamespaceSnapshot> namespaces = new LinkedHashMap<>();
    private final Map<String, Map<String, PodView>> pods = new TreeMap<>();
    private final Map<SecretRef, SecretSnapshot> secrets = new LinkedHashMap<>();
    private final Map<String, ServiceAccountSnapshot> serviceAccounts = new LinkedHashMap<>();
    private final Map<String, Origin> seen = new LinkedHashMap<>();
    private final TreeMap<String, Integer> ignoredKinds = new TreeMap<>();
    private final List<String> impliedNamespaces = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an {@code ImagePullSecret}.
     *
     * @param cr the object, with a name
     * @param origin where it came from
     * @return this builder
     * @throws PlanInputException if an object of that name was added before
     */
    public Builder imagePullSecret(ImagePullSecret cr, Origin origin) throws PlanInputException {
      String name = cr.getMetadata().getName();
      once("ImagePullSecret " + name, origin);
      imagePullSecrets.put(name, cr);
      origins.put(name, origin);
      return this;
    }

    /**
     * Adds a namespace.
     *
     * @param namespace the namespace
     * @param origin where it came from
     * @return this builder
     * @throws PlanInputException if it was added before
     */
    public Builder namespace(NamespaceSnapshot namespace, Origin origin) throws PlanInputException {
      once("Namespace " + namespace.name(), origin);
      namespaces.put(namespace.name(), namespace);
      return this;
    }

    /**
     * Adds a pod.
     *
     * @param namespace its namespace
     * @param pod its metadata
     * @param origin where it came from
     * @return this builder
     * @throws PlanInputException if it was added before
     */
    public Builder pod(String namespace, PodView pod, Origin origin) throws PlanInputException {
      once("Pod " + namespace + "/" + pod.name(), origin);
      pods.computeIfAbsent(namespace, n -> new TreeMap<>()).put(pod.name(), pod);
      impliedNamespaces.add(namespace);
      return this;
    }

    /**
     * Adds a secret.
     *
     * @param secret the secret
     * @param origin where it came from
     * @return this builder
     * @throws PlanInputException if it was added before
     */
    public Builder secret(SecretSnapshot secret, Origin origin) throws PlanInputException {
      once("Secret " + secret.ref(), origin);
      secrets.put(secret.ref(), secret);
      impliedNamespaces.add(secret.namespace());
      return this;
    }

    /**
     * Adds an {@code ImagePullSecret} the API server would reject.
     *
     * @param name its name
     * @param problems why, naming the fields but no value
     * @param origin where it came from
     * @return this builder
     * @throws PlanInputException if an {@code ImagePullSecret} of that name was added before
     */
    public Builder rejectedImagePullSecret(String name, String problems, Origin origin)
        throws PlanInputException {
      once("ImagePullSecret " + name, origin);
      rejected.put(name, Objects.requireNonNull(problems, "problems"));
      origins.put(name, origin);
      return this;
    }

    /**
     * Adds a ServiceAccount.
     *
     * @param account the ServiceAccount
     * @param origin where it came from
     * @return this builder
     * @throws PlanInputException if it was added before
     */
    public Builder serviceAccount(ServiceAccountSnapshot account, Origin origin)
        throws PlanInputException {
      String key = account.namespace() + "/" + account.name();
      once("ServiceAccount " + key, origin);
      serviceAccounts.put(key, account);
      impliedNamespaces.add(account.namespace());
      return this;
    }

    /**
     * Counts an object of a kind the plan does not read.
     *
     * @param kind its kind, e.g. {@code Deployment}
     * @return this builder
     */
    public Builder ignored(String kind) {
      ignoredKinds.merge(kind, 1, Integer::sum);
      return this;
    }

    /**
     * Adds a warning about the input.
     *
     * @param warning the text, without secret values
     * @return this builder
     */
    public Builder warning(String warning) {
      warnings.add(Objects.requireNonNull(warning, "warning"));
      return this;
    }

    /**
     * Builds the set.
     *
     * @return the immutable objects
     */
    public ClusterObjects build() {
      return new ClusterObjects(this);
    }

    private void once(String key, Origin origin) throws PlanInputException {
      Origin previous = seen.putIfAbsent(key, origin);
      if (previous != null) {
        throw new PlanInputException(
            origin + ": " + key + " is given twice; it was already in " + previous);
      }
    }
  }
}
