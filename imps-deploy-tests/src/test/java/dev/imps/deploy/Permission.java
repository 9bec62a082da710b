package dev.imps.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One atomic RBAC permission: a verb on a resource of an API group, cluster-wide or in one
 * namespace, optionally limited to names. Rules are compared as sets of these, so neither the names
 * of the roles nor the way rules are grouped matter; only what they grant, and where.
 *
 * @param scope {@value #CLUSTER} for a ClusterRole, else the Role's namespace
 * @param group the API group, "" for the core group
 * @param resource the resource, with its subresource as {@code imagepullsecrets/status}
 * @param verb the verb
 * @param resourceName the object name it is limited to, or "" for all
 */
record Permission(String scope, String group, String resource, String verb, String resourceName) {

  static final String CLUSTER = "cluster-wide";

  /** Every permission the ClusterRoles and Roles among {@code manifests} grant. */
  static List<Permission> granted(Manifests manifests) {
    List<Permission> permissions = new ArrayList<>();
    manifests.ofKind("ClusterRole").forEach(role -> permissions.addAll(of(role)));
    manifests.ofKind("Role").forEach(role -> permissions.addAll(of(role)));
    return permissions;
  }

  /** Expands the {@code rules} of one Role or ClusterRole. */
  static List<Permission> of(Map<String, Object> role) {
    String scope =
        "ClusterRole".equals(role.get("kind"))
            ? CLUSTER
            : String.valueOf(Manifests.at(role, "metadata.namespace"));
    List<Permission> permissions = new ArrayList<>();
    Object rules = role.get("rules");
    if (!(rules instanceof List<?> list)) {
      return permissions;
    }
    for (Object item : list) {
      Map<?, ?> rule = (Map<?, ?>) item;
      if (rule.get("nonResourceURLs") != null) {
        throw new AssertionError("non-resource rules are not expected: " + rule);
      }
      List<String> names = strings(rule.get("resourceNames"));
      for (String group : strings(rule.get("apiGroups"))) {
        for (String resource : strings(rule.get("resources"))) {
          for (String verb : strings(rule.get("verbs"))) {
            if (names.isEmpty()) {
              permissions.add(new Permission(scope, group, resource, verb, ""));
            } else {
              names.forEach(
                  name -> permissions.add(new Permission(scope, group, resource, verb, name)));
            }
          }
        }
      }
    }
    return permissions;
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
