package dev.imps.api.mapping;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import dev.imps.api.model.NamespacedName;
import dev.imps.api.model.RegistryConfig;
import dev.imps.api.model.ServiceAccountsConfig;
import dev.imps.api.model.TargetSecretConfig;
import dev.imps.selector.AnnotationSelector;
import dev.imps.selector.InvalidSelectorException;
import dev.imps.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a whole {@code ImagePullSecret} spec: that it has at least one source secret and a target
 * secret name, that every name is a valid Kubernetes name, that the target secret's labels and
 * annotations are valid, and that {@link NamespaceRuleMapper} can map the target. These are the CRD
 * schema's checks and a few more (label syntax), made again because a cluster may still run IMPS's
 * CRD, which checks nothing. Stateless and thread-safe.
 */
public final class SpecValidator {

  private SpecValidator() {}

  /**
   * Lists every problem of a spec.
   *
   * @param spec the spec, possibly {@code null}
   * @return the problems in field order; empty if the spec is valid
   */
  public static List<SpecError> validate(ImagePullSecretSpec spec) {
    List<SpecError> errors = new ArrayList<>();
    if (spec == null) {
      errors.add(new SpecError("spec", "required"));
      return errors;
    }
    registry(spec.getRegistry(), errors);
    if (spec.getTarget() != null) {
      secret(spec.getTarget().getSecret(), errors);
    }
    NamespaceRuleMapper.map(spec, errors);
    if (spec.getTarget() != null) {
      serviceAccounts(spec.getTarget().getServiceAccounts(), errors);
    }
    return errors;
  }

  /**
   * Checks an object's spec and throws if it has a problem.
   *
   * @param imagePullSecret the object; its name goes into the exception message
   * @throws InvalidSpecException listing every problem
   */
  public static void requireValid(ImagePullSecret imagePullSecret) throws InvalidSpecException {
    List<SpecError> errors = validate(imagePullSecret.getSpec());
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(nameOf(imagePullSecret), errors);
    }
  }

  /** The object's {@code metadata.name}, or {@code null} if it has none. */
  static String nameOf(ImagePullSecret imagePullSecret) {
    return imagePullSecret.getMetadata() == null ? null : imagePullSecret.getMetadata().getName();
  }

  private static void registry(RegistryConfig registry, List<SpecError> errors) {
    if (registry == null) {
      errors.add(new SpecError("spec.registry", "required"));
      return;
    }
    List<NamespacedName> credentials = registry.getCredentials();
    if (credentials == null || credentials.isEmpty()) {
      errors.add(
          new SpecError("spec.registry.credentials", "at least one source secret is required"));
      return;
    }
    for (int i = 0; i < credentials.size(); i++) {
      String field = "spec.registry.credentials[" + i + "]";
      NamespacedName credential = credentials.get(i);
      if (credential == null) {
        errors.add(new SpecError(field, "must not be null"));
        continue;
      }
      name(credential.getName(), field + ".name", false, errors);
      name(credential.getNamespace(), field + ".namespace", true, errors);
    }
  }

  private static void secret(TargetSecretConfig secret, List<SpecError> errors) {
    if (secret == null) {
      errors.add(new SpecError("spec.target.secret", "required"));
      return;
    }
    name(secret.getName(), "spec.target.secret.name", false, errors);
    metadata(secret.getLabels(), "spec.target.secret.labels", true, errors);
    metadata(secret.getAnnotations(), "spec.target.secret.annotations", false, errors);
  }

  private static void serviceAccounts(
      ServiceAccountsConfig serviceAccounts, List<SpecError> errors) {
    if (serviceAccounts == null || serviceAccounts.getNames() == null) {
      return;
    }
    List<String> names = serviceAccounts.getNames();
    for (int i = 0; i < names.size(); i++) {
      name(names.get(i), "spec.target.serviceAccounts.names[" + i + "]", false, errors);
    }
  }

  /** Checks a required name: a DNS-1123 label if {@code label}, else a subdomain. */
  private static void name(String name, String field, boolean label, List<SpecError> errors) {
    if (name == null || name.isEmpty()) {
      errors.add(new SpecError(field, "required"));
      return;
    }
    String error =
        label ? KubernetesNameRules.labelError(name) : KubernetesNameRules.subdomainError(name);
    if (error != null) {
      errors.add(new SpecError(field, error));
    }
  }

  /** Checks labels (key and value syntax) or annotations (key syntax) to put on the secret. */
  private static void metadata(
      Map<String, String> entries, String field, boolean labels, List<SpecError> errors) {
    if (entries == null) {
      return;
    }
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      String at = field + "[" + entry.getKey() + "]";
      if (entry.getValue() == null) {
        errors.add(new SpecError(at, "value must not be null"));
        continue;
      }
      try {
        if (labels) {
          LabelSelector.of(Map.of(entry.getKey(), entry.getValue()), null);
        } else {
          // The API server checks annotation keys in lower case: "Example.com/x" is fine.
          AnnotationSelector.of(Map.of(entry.getKey().toLowerCase(Locale.ROOT), ""), null);
        }
      } catch (InvalidSelectorException e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        errors.add(new SpecError(at, message.replaceFirst("^match(Labels|Annotations): ", "")));
      }
    }
  }
}
