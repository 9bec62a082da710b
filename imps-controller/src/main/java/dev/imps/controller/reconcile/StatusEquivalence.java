package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecretStatus;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When two statuses say the same: a missing list or map equals an empty one, and times are compared
 * as instants (the API server may return another offset than imps wrote). Deciding this well is
 * what keeps imps from writing a status that did not change.
 */
final class StatusEquivalence {

  private StatusEquivalence() {}

  /** Compares two statuses, counting a missing list or map as empty, and instants by value. */
  static boolean same(ImagePullSecretStatus a, ImagePullSecretStatus b) {
    return same(a, b, StoredStatusFields.ALL);
  }

  /** Compares two statuses on the fields the store keeps. */
  static boolean same(ImagePullSecretStatus a, ImagePullSecretStatus b, StoredStatusFields fields) {
    if (a == null || b == null) {
      return a == b;
    }
    boolean impsFields =
        a.getStatus() == b.getStatus()
            && Objects.equals(a.getReason(), b.getReason())
            && sameInstant(a.getLastSuccessfulReconciliation(), b.getLastSuccessfulReconciliation())
            && Objects.equals(a.getValiditySeconds(), b.getValiditySeconds())
            && orEmpty(a.getManagedNamespaces()).equals(orEmpty(b.getManagedNamespaces()))
            && orEmpty(a.getSourceSecretStatus()).equals(orEmpty(b.getSourceSecretStatus()));
    if (!impsFields || fields == StoredStatusFields.IMPS_ONLY) {
      return impsFields;
    }
    return Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(a.getNamespaceCount(), b.getNamespaceCount())
        && sameConditions(orEmpty(a.getConditions()), orEmpty(b.getConditions()))
        && orEmpty(a.getConflicts()).equals(orEmpty(b.getConflicts()));
  }

  private static boolean sameConditions(List<V1Condition> a, List<V1Condition> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      V1Condition x = a.get(i);
      V1Condition y = b.get(i);
      boolean same =
          Objects.equals(x.getType(), y.getType())
              && Objects.equals(x.getStatus(), y.getStatus())
              && Objects.equals(x.getReason(), y.getReason())
              && Objects.equals(x.getMessage(), y.getMessage())
              && Objects.equals(x.getObservedGeneration(), y.getObservedGeneration())
              && sameInstant(x.getLastTransitionTime(), y.getLastTransitionTime());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
    return a == null || b == null ? a == b : a.toInstant().equals(b.toInstant());
  }

  static ImagePullSecretStatus copyOf(ImagePullSecretStatus status) {
    return new ImagePullSecretStatus()
        .status(status.getStatus())
        .reason(status.getReason())
        .lastSuccessfulReconciliation(status.getLastSuccessfulReconciliation())
        .validitySeconds(status.getValiditySeconds())
        .managedNamespaces(status.getManagedNamespaces())
        .namespaceCount(status.getNamespaceCount())
        .sourceSecretStatus(status.getSourceSecretStatus())
        .observedGeneration(status.getObservedGeneration())
        .conditions(status.getConditions())
        .conflicts(status.getConflicts());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
