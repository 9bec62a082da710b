package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecretStatus;
import dev.imps.api.model.SecretConflict;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a status as the body of a JSON merge patch on {@code /status}, as plain maps and lists. A
 * merge patch merges maps key by key, so every field and {@code sourceSecretStatus} key that the
 * new status no longer has is sent as {@code null}; lists are replaced whole.
 */
final class StatusBodies {

  private StatusBodies() {}

  /**
   * Builds {@code {"status": {...}}} that turns {@code previous} into {@code next}.
   *
   * @param previous the stored status, or {@code null}
   * @param next the new status
   * @return the patch body
   */
  static Map<String, Object> mergePatch(
      ImagePullSecretStatus previous, ImagePullSecretStatus next) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", next.getStatus() == null ? null : next.getStatus().value());
    status.put("reason", next.getReason());
    status.put("lastSuccessfulReconciliation", time(next.getLastSuccessfulReconciliation()));
    status.put("validitySeconds", next.getValiditySeconds());
    status.put("managedNamespaces", copy(next.getManagedNamespaces()));
    status.put("namespaceCount", next.getNamespaceCount());
    status.put("sourceSecretStatus", sourceSecretStatus(previous, next));
    status.put("observedGeneration", next.getObservedGeneration());
    status.put("conditions", conditions(next.getConditions()));
    status.put("conflicts", conflicts(next.getConflicts()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", Collections.unmodifiableMap(status));
    return Collections.unmodifiableMap(body);
  }

  private static Object sourceSecretStatus(
      ImagePullSecretStatus previous, ImagePullSecretStatus next) {
    Map<String, String> now = next.getSourceSecretStatus();
    if (now == null || now.isEmpty()) {
      return null;
    }
    Map<String, Object> patch = new LinkedHashMap<>(now);
    if (previous != null && previous.getSourceSecretStatus() != null) {
      for (String key : previous.getSourceSecretStatus().keySet()) {
        patch.putIfAbsent(key, null);
      }
    }
    return patch;
  }

  private static Object conditions(List<V1Condition> conditions) {
    if (conditions == null || conditions.isEmpty()) {
      return null;
    }
    List<Object> list = new ArrayList<>();
    for (V1Condition condition : conditions) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("type", condition.getType());
      map.put("status", condition.getStatus());
      map.put("reason", condition.getReason());
      map.put("message", condition.getMessage() == null ? "" : condition.getMessage());
      if (condition.getObservedGeneration() != null) {
        map.put("observedGeneration", condition.getObservedGeneration());
      }
      map.put("lastTransitionTime", time(condition.getLastTransitionTime()));
      list.add(map);
    }
    return list;
  }

  private static Object conflicts(List<SecretConflict> conflicts) {
    if (conflicts == null || conflicts.isEmpty()) {
      return null;
    }
    List<Object> list = new ArrayList<>();
    for (SecretConflict conflict : conflicts) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("namespace", conflict.getNamespace());
      if (conflict.getReason() != null) {
        map.put("reason", conflict.getReason());
      }
      list.add(map);
    }
    return list;
  }

  private static Object copy(List<String> list) {
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }

  private static String time(OffsetDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
  }
}
