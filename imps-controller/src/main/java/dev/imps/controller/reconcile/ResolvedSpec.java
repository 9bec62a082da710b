package dev.imps.controller.reconcile;

import dev.imps.api.ApiConstants;
import dev.imps.api.mapping.InvalidSpecException;
import dev.imps.api.mapping.NamespaceRuleMapper;
import dev.imps.api.mapping.SpecError;
import dev.imps.api.mapping.SpecValidator;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import dev.imps.api.model.NamespacedName;
import dev.imps.api.model.ServiceAccountsConfig;
import dev.imps.api.model.TargetSecretConfig;
import dev.imps.selector.NamespaceRule;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of one {@code ImagePullSecret} a pass works with, checked once: identity, the target
 * secret's name, labels and annotations, the sources in spec order, the ServiceAccounts to patch
 * and the namespace rule.
 *
 * @param name {@code metadata.name}
 * @param uid {@code metadata.uid}; the value of the owner label on every copy
 * @param generation {@code metadata.generation}, reported as {@code status.observedGeneration}
 * @param secretName {@code spec.target.secret.name}
 * @param labels {@code spec.target.secret.labels}; copied
 * @param annotations {@code spec.target.secret.annotations}; copied
 * @param sources {@code spec.registry.credentials} in spec order; copied
 * @param serviceAccounts {@code spec.target.serviceAccounts.names} without duplicates; copied
 * @param rule the namespace rule of {@code spec.target.namespaces} and {@code namespacesWithPods}
 */
public record ResolvedSpec(
    String name,
    String uid,
    long generation,
    String secretName,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<SecretRef> sources,
    List<String> serviceAccounts,
    NamespaceRule rule) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public ResolvedSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(secretName, "secretName");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    sources = List.copyOf(sources);
    serviceAccounts = List.copyOf(serviceAccounts);
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * Reads and checks an {@code ImagePullSecret}: the spec is validated by {@code imps-api}'s {@link
   * SpecValidator} and its target mapped by {@link NamespaceRuleMapper}.
   *
   * @param cr the object
   * @return the resolved spec
   * @throws InvalidSpecException listing every problem, each with its field path, and naming the
   *     object
   */
  public static ResolvedSpec from(ImagePullSecret cr) throws InvalidSpecException {
    V1ObjectMeta metadata = cr.getMetadata();
    if (metadata == null || metadata.getName() == null || metadata.getName().isEmpty()) {
      throw new InvalidSpecException(null, List.of(new SpecError("metadata.name", "required")));
    }
    SpecValidator.requireValid(cr);
    NamespaceRule rule = NamespaceRuleMapper.toRule(cr);
    ImagePullSecretSpec spec = cr.getSpec();
    TargetSecretConfig target = spec.getTarget().getSecret();
    List<SecretRef> sources = new ArrayList<>();
    for (NamespacedName source : spec.getRegistry().getCredentials()) {
      sources.add(new SecretRef(source.getNamespace(), source.getName()));
    }
    LinkedHashSet<String> serviceAccounts = new LinkedHashSet<>();
    ServiceAccountsConfig accounts = spec.getTarget().getServiceAccounts();
    if (accounts != null && accounts.getNames() != null) {
      serviceAccounts.addAll(accounts.getNames());
    }
    return new ResolvedSpec(
        metadata.getName(),
        metadata.getUid() == null ? "" : metadata.getUid(),
        metadata.getGeneration() == null ? 0 : metadata.getGeneration(),
        target.getName(),
        target.getLabels() == null ? Map.of() : target.getLabels(),
        target.getAnnotations() == null ? Map.of() : target.getAnnotations(),
        sources,
        new ArrayList<>(serviceAccounts),
        rule);
  }

  /**
   * Returns the owner reference every copy carries.
   *
   * @return a reference to this {@code ImagePullSecret}
   */
  public OwnerRef owner() {
    return new OwnerRef(ApiConstants.API_VERSION, ApiConstants.KIND, name, uid);
  }

  /**
   * Tells whether the spec asks for ServiceAccount patching.
   *
   * @return {@code true} if {@code spec.target.serviceAccounts.names} is not empty
   */
  public boolean patchesServiceAccounts() {
    return !serviceAccounts.isEmpty();
  }
}
