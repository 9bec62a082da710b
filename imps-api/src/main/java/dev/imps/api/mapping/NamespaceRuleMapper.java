package dev.imps.api.mapping;

import dev.imps.api.model.AnnotationSelector;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import dev.imps.api.model.NamespaceSelectorConfiguration;
import dev.imps.api.model.ObjectSelectorConfiguration;
import dev.imps.api.model.TargetConfig;
import dev.imps.selector.InvalidSelectorException;
import dev.imps.selector.LabelSelector;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.Operator;
import dev.imps.selector.Requirement;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code spec.target.namespaces} and {@code spec.target.namespacesWithPods} into the {@link
 * NamespaceRule} of {@code imps-selector}, with IMPS's meaning: every name and every selector is an
 * alternative (OR); an empty selector ({@code {}}) matches everything, as in IMPS.
 *
 * <p>Checks what the API server would check for a {@code metav1.LabelSelector}: operators are
 * {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}; {@code In} and {@code NotIn}
 * have values and the other two none; keys are qualified names; label selector values are label
 * values (annotation selector values are free text); names are DNS-1123 labels. Every problem is
 * reported, each with its field path. Stateless and thread-safe.
 */
public final class NamespaceRuleMapper {

  private static final String TARGET = "spec.target";

  private NamespaceRuleMapper() {}

  /**
   * Builds the namespace rule of an object.
   *
   * @param imagePullSecret the object; its name goes into the exception message
   * @return the rule; {@link NamespaceRule#none()} if the target selects nothing
   * @throws InvalidSpecException listing every invalid name or selector (and a missing {@code spec}
   *     or {@code spec.target})
   */
  public static NamespaceRule toRule(ImagePullSecret imagePullSecret) throws InvalidSpecException {
    List<SpecError> errors = new ArrayList<>();
    NamespaceRule rule = map(imagePullSecret.getSpec(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(SpecValidator.nameOf(imagePullSecret), errors);
    }
    return rule;
  }

  /**
   * Builds the namespace rule of a spec.
   *
   * @param spec the spec
   * @return the rule; {@link NamespaceRule#none()} if the target selects nothing
   * @throws InvalidSpecException listing every invalid name or selector (and a missing {@code spec}
   *     or {@code spec.target})
   */
  public static NamespaceRule toRule(ImagePullSecretSpec spec) throws InvalidSpecException {
    List<SpecError> errors = new ArrayList<>();
    NamespaceRule rule = map(spec, errors);
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(null, errors);
    }
    return rule;
  }

  /**
   * Maps the target of a spec, adding every problem to {@code errors}.
   *
   * @return the rule, or {@code null} if a problem was found
   */
  static NamespaceRule map(ImagePullSecretSpec spec, List<SpecError> errors) {
    if (spec == null) {
      errors.add(new SpecError("spec", "required"));
      return null;
    }
    TargetConfig target = spec.getTarget();
    if (target == null) {
      errors.add(new SpecError(TARGET, "required"));
      return null;
    }
    int before = errors.size();
    List<String> names = null;
    List<LabelSelector> namespaceLabels = null;
    List<dev.imps.selector.AnnotationSelector> namespaceAnnotations = null;
    NamespaceSelectorConfiguration namespaces = target.getNamespaces();
    if (namespaces != null) {
      String field = TARGET + ".namespaces";
      names = names(namespaces.getNames(), field, errors);
      namespaceLabels = labelSelectors(namespaces.getLabels(), field, errors);
      namespaceAnnotations = annotationSelectors(namespaces.getAnnotations(), field, errors);
    }
    List<LabelSelector> podLabels = null;
    List<dev.imps.selector.AnnotationSelector> podAnnotations = null;
    ObjectSelectorConfiguration pods = target.getNamespacesWithPods();
    if (pods != null) {
      String field = TARGET + ".namespacesWithPods";
      podLabels = labelSelectors(pods.getLabels(), field, errors);
      podAnnotations = annotationSelectors(pods.getAnnotations(), field, errors);
    }
    if (errors.size() > before) {
      return null;
    }
    return NamespaceRule.of(
        names, namespaceLabels, namespaceAnnotations, podLabels, podAnnotations);
  }

  private static List<String> names(List<String> names, String parent, List<SpecError> errors) {
    if (names == null) {
      return null;
    }
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String field = parent + ".names[" + i + "]";
      String name = names.get(i);
      String error = name == null ? "must not be null" : KubernetesNameRules.labelError(name);
      if (error != null) {
        errors.add(new SpecError(field, error));
      } else {
        valid.add(name);
      }
    }
    return valid;
  }

  private static List<LabelSelector> labelSelectors(
      List<V1LabelSelector> selectors, String parent, List<SpecError> errors) {
    if (selectors == null) {
      return null;
    }
    List<LabelSelector> mapped = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      String field = parent + ".labels[" + i + "]";
      V1LabelSelector selector = selectors.get(i);
      if (selector == null) {
        errors.add(new SpecError(field, "must not be null"));
        continue;
      }
      int before = errors.size();
      checkEntries(selector.getMatchLabels(), field + ".matchLabels", true, errors);
      List<Requirement> requirements =
          requirements(selector.getMatchExpressions(), field, true, errors);
      if (errors.size() == before) {
        try {
          mapped.add(LabelSelector.of(selector.getMatchLabels(), requirements));
        } catch (InvalidSelectorException e) {
          // Not expected: every part was checked above. Reported rather than thrown all the same.
          errors.add(new SpecError(field, e.getMessage()));
        }
      }
    }
    return mapped;
  }

  private static List<dev.imps.selector.AnnotationSelector> annotationSelectors(
      List<AnnotationSelector> selectors, String parent, List<SpecError> errors) {
    if (selectors == null) {
      return null;
    }
    List<dev.imps.selector.AnnotationSelector> mapped = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      String field = parent + ".annotations[" + i + "]";
      AnnotationSelector selector = selectors.get(i);
      if (selector == null) {
        errors.add(new SpecError(field, "must not be null"));
        continue;
      }
      int before = errors.size();
      checkEntries(selector.getMatchAnnotations(), field + ".matchAnnotations", false, errors);
      List<Requirement> requirements =
          requirements(selector.getMatchExpressions(), field, false, errors);
      if (errors.size() == before) {
        try {
          mapped.add(
              dev.imps.selector.AnnotationSelector.of(
                  selector.getMatchAnnotations(), requirements));
        } catch (InvalidSelectorException e) {
          // Not expected: every part was checked above. Reported rather than thrown all the same.
          errors.add(new SpecError(field, e.getMessage()));
        }
      }
    }
    return mapped;
  }

  /** Checks {@code matchLabels} or {@code matchAnnotations} entry by entry, to name the entry. */
  private static void checkEntries(
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
      String error =
          labels
              ? labelError(entry.getKey(), entry.getValue())
              : annotationKeyError(entry.getKey());
      if (error != null) {
        errors.add(new SpecError(at, error));
      }
    }
  }

  private static List<Requirement> requirements(
      List<V1LabelSelectorRequirement> expressions,
      String parent,
      boolean labels,
      List<SpecError> errors) {
    List<Requirement> requirements = new ArrayList<>();
    if (expressions == null) {
      return requirements;
    }
    for (int i = 0; i < expressions.size(); i++) {
      Requirement requirement =
          requirement(expressions.get(i), parent + ".matchExpressions[" + i + "]", labels, errors);
      if (requirement != null) {
        requirements.add(requirement);
      }
    }
    return requirements;
  }

  /** Maps one {@code matchExpressions} entry, or returns {@code null} after adding its problems. */
  private static Requirement requirement(
      V1LabelSelectorRequirement expression, String field, boolean labels, List<SpecError> errors) {
    if (expression == null) {
      errors.add(new SpecError(field, "must not be null"));
      return null;
    }
    int before = errors.size();
    String key = expression.getKey();
    if (key == null || key.isEmpty()) {
      errors.add(new SpecError(field + ".key", "required"));
    }
    Operator operator = operator(expression.getOperator(), field + ".operator", errors);
    List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
    for (int j = 0; j < values.size(); j++) {
      if (values.get(j) == null) {
        errors.add(new SpecError(field + ".values[" + j + "]", "must not be null"));
      }
    }
    if (operator != null) {
      String countError = valueCountError(operator, values.size());
      if (countError != null) {
        errors.add(new SpecError(field + ".values", countError));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    Requirement requirement;
    try {
      requirement = Requirement.of(key, operator, values);
    } catch (InvalidSelectorException e) {
      // Operator and value count are checked above, so what is left is the key's syntax.
      errors.add(new SpecError(field + ".key", e.getMessage()));
      return null;
    }
    if (labels) {
      for (int j = 0; j < values.size(); j++) {
        String error = labelError(key, values.get(j));
        if (error != null) {
          errors.add(new SpecError(field + ".values[" + j + "]", error));
        }
      }
    }
    return errors.size() > before ? null : requirement;
  }

  private static Operator operator(String operator, String field, List<SpecError> errors) {
    if (operator == null || operator.isEmpty()) {
      errors.add(new SpecError(field, "required"));
      return null;
    }
    try {
      return Operator.fromString(operator);
    } catch (InvalidSelectorException e) {
      errors.add(
          new SpecError(
              field,
              "unknown operator "
                  + KubernetesNameRules.quote(operator)
                  + " (expected In, NotIn, Exists or DoesNotExist)"));
      return null;
    }
  }

  private static String valueCountError(Operator operator, int count) {
    return switch (operator) {
      case IN, NOT_IN ->
          count == 0 ? "must not be empty when operator is " + operator.apiName() : null;
      case EXISTS, DOES_NOT_EXIST ->
          count != 0 ? "must be empty when operator is " + operator.apiName() : null;
      default -> null;
    };
  }

  /** Checks a label key and value with the selector's rules; {@code null} if both are valid. */
  private static String labelError(String key, String value) {
    try {
      LabelSelector.of(Map.of(key, value), null);
      return null;
    } catch (InvalidSelectorException e) {
      return withoutPrefix(e.getMessage(), "matchLabels: ");
    }
  }

  /** Checks an annotation key with the selector's rules; {@code null} if it is valid. */
  private static String annotationKeyError(String key) {
    try {
      dev.imps.selector.AnnotationSelector.of(Map.of(key, ""), null);
      return null;
    } catch (InvalidSelectorException e) {
      return withoutPrefix(e.getMessage(), "matchAnnotations: ");
    }
  }

  private static String withoutPrefix(String message, String prefix) {
    return message != null && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : String.valueOf(message);
  }
}
