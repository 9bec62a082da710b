package dev.imps.controller.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan of one {@code ImagePullSecret}, as printed: its sources, the namespaces it selects with
 * the clause that selected each, the secret changes and ServiceAccount patches, and the rendered
 * docker config with its secrets redacted.
 *
 * @param name {@code metadata.name}
 * @param origin where the object was read, e.g. {@code examples/01-sidecar.yaml document 1}
 * @param invalidSpec why the spec can never work, or empty
 * @param targetSecret {@code spec.target.secret.name}; {@code ""} for an invalid spec
 * @param sources the sources in spec order
 * @param namespacesEvaluated how many namespaces the rule was evaluated for
 * @param selected the namespaces the rule matched, by name
 * @param missingNamespaces names in {@code spec.target.namespaces.names} that match no namespace
 * @param changes the secret changes, by namespace
 * @param serviceAccounts the ServiceAccount patches, by namespace and name
 * @param dockerConfig the rendered docker config, {@linkplain RedactedDockerConfig redacted}
 * @param earliestExpiry when the first rendered credential expires, or empty
 * @param writesHeld why writes are held back (a source failed), or {@code ""}
 */
public record ImagePullSecretPlan(
    String name,
    String origin,
    Optional<String> invalidSpec,
    String targetSecret,
    List<Source> sources,
    int namespacesEvaluated,
    List<SelectedNamespace> selected,
    List<String> missingNamespaces,
    List<Change> changes,
    List<ServiceAccountChange> serviceAccounts,
    Map<String, Object> dockerConfig,
    Optional<Instant> earliestExpiry,
    String writesHeld) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public ImagePullSecretPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(invalidSpec, "invalidSpec");
    Objects.requireNonNull(targetSecret, "targetSecret");
    sources = List.copyOf(sources);
    selected = List.copyOf(selected);
    missingNamespaces = List.copyOf(missingNamespaces);
    changes = List.copyOf(changes);
    serviceAccounts = List.copyOf(serviceAccounts);
    dockerConfig = Collections.unmodifiableMap(new LinkedHashMap<>(dockerConfig));
    Objects.requireNonNull(earliestExpiry, "earliestExpiry");
    Objects.requireNonNull(writesHeld, "writesHeld");
  }

  /**
   * Returns the plan of an invalid spec: nothing but the reason.
   *
   * @param name the object's name
   * @param origin where it was read
   * @param message what is wrong, naming the fields
   * @return the plan
   */
  public static ImagePullSecretPlan invalid(String name, String origin, String message) {
    return new ImagePullSecretPlan(
        name,
        origin,
        Optional.of(message),
        "",
        List.of(),
        0,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        Optional.empty(),
        "");
  }

  /**
   * Returns the same plan with other changes, e.g. after claims between plans were settled.
   *
   * @param newChanges the changes
   * @return the plan
   */
  public ImagePullSecretPlan withChanges(List<Change> newChanges) {
    return new ImagePullSecretPlan(
        name,
        origin,
        invalidSpec,
        targetSecret,
        sources,
        namespacesEvaluated,
        selected,
        missingNamespaces,
        newChanges,
        serviceAccounts,
        dockerConfig,
        earliestExpiry,
        writesHeld);
  }

  /**
   * Returns the changes of one action.
   *
   * @param action the action
   * @return those changes, by namespace
   */
  public List<Change> changes(Action action) {
    return changes.stream().filter(c -> c.action() == action).toList();
  }

  /**
   * Returns the plan as plain maps and lists for JSON and YAML output.
   *
   * @return the tree; no secret values
   */
  public Map<String, Object> toTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", name);
    tree.put("origin", origin);
    invalidSpec.ifPresent(message -> tree.put("invalidSpec", message));
    if (invalidSpec.isPresent()) {
      return tree;
    }
    tree.put("targetSecret", targetSecret);
    tree.put("sources", sources.stream().map(Source::toTree).toList());
    tree.put("namespacesEvaluated", namespacesEvaluated);
    tree.put("selectedNamespaces", selected.stream().map(SelectedNamespace::toTree).toList());
    tree.put("missingNamespaces", missingNamespaces);
    tree.put("changes", changes.stream().map(Change::toTree).toList());
    tree.put(
        "serviceAccounts", serviceAccounts.stream().map(ServiceAccountChange::toTree).toList());
    tree.put("dockerConfig", dockerConfig);
    earliestExpiry.ifPresent(expiry -> tree.put("earliestExpiry", expiry.toString()));
    if (!writesHeld.isEmpty()) {
      tree.put("writesHeld", writesHeld);
    }
    return tree;
  }

  /** What happens to the target secret in one namespace. */
  public enum Action {
    /** The copy is created. */
    CREATE,
    /** The copy exists and is patched (or an adoptable secret is taken over). */
    UPDATE,
    /** A secret of another type is deleted and the copy created. */
    REPLACE,
    /** A copy no longer wanted is deleted. */
    DELETE,
    /** A secret imps must not touch has the target name; nothing is written. */
    CONFLICT,
    /** A source failed; an existing copy keeps its content. */
    HOLD,
    /** The copy is already right. */
    KEEP;

    /**
     * Returns the name used in output.
     *
     * @return e.g. {@code create}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One source of the pull secret.
   *
   * @param secret {@code namespace/name}
   * @param type the secret's type, or {@code ""} if it is missing
   * @param state {@code ok}, {@code stale}, {@code failed} or {@code missing}
   * @param message the source's status for humans, without credential values
   * @param registries the registries it contributes
   */
  public record Source(
      String secret, String type, String state, String message, List<String> registries) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Source {
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(message, "message");
      registries = List.copyOf(registries);
    }

    /**
     * Tells whether the source secret does not exist, whatever the state the grace period for
     * missing sources gives it ({@code failed} or {@code stale} while it lasts).
     *
     * @return true if the secret is not in the planned objects
     */
    public boolean isMissing() {
      return type.isEmpty();
    }

    Map<String, Object> toTree() {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("secret", secret);
      tree.put("type", type);
      tree.put("state", state);
      tree.put("message", message);
      tree.put("registries", registries);
      return tree;
    }
  }

  /**
   * A namespace the rule selected.
   *
   * @param namespace the namespace
   * @param clause the clause that matched first, e.g. {@code namespaces.labels[0]}
   * @param terminating whether it is being deleted (then imps leaves it alone)
   */
  public record SelectedNamespace(String namespace, String clause, boolean terminating) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public SelectedNamespace {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(clause, "clause");
    }

    Map<String, Object> toTree() {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("namespace", namespace);
      tree.put("clause", clause);
      if (terminating) {
        tree.put("terminating", true);
      }
      return tree;
    }
  }

  /**
   * One secret change.
   *
   * @param action what happens
   * @param namespace the namespace
   * @param secret the secret's name
   * @param reason why, e.g. {@code selected: matched by names[0]}
   */
  public record Change(Action action, String namespace, String secret, String reason) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Change {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns the change as plain maps for JSON and YAML output.
     *
     * @return {@code action}, {@code namespace}, {@code secret}, {@code reason}
     */
    public Map<String, Object> toTree() {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("action", action.label());
      tree.put("namespace", namespace);
      tree.put("secret", secret);
      tree.put("reason", reason);
      return tree;
    }
  }

  /**
   * One ServiceAccount patch.
   *
   * @param namespace the namespace
   * @param name the ServiceAccount
   * @param add secret names added to {@code imagePullSecrets}
   * @param remove secret names removed from it
   */
  public record ServiceAccountChange(
      String namespace, String name, List<String> add, List<String> remove) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public ServiceAccountChange {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      add = List.copyOf(add);
      remove = List.copyOf(remove);
    }

    Map<String, Object> toTree() {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("namespace", namespace);
      tree.put("name", name);
      tree.put("add", add);
      tree.put("remove", remove);
      return tree;
    }
  }
}
