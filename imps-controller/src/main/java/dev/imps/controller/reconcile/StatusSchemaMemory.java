package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecretStatus;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns from the API server which status fields its CRD keeps ({@link StoredStatusFields}),
 * without any permission on CRDs: after a status write with {@code conditions} and {@code
 * observedGeneration}, the stored status of the same object that comes back with the original IMPS
 * fields as written but without those two shows that the schema prunes them. There is one CRD, so
 * one object tells for all.
 *
 * <p>Thread-safe.
 */
final class StatusSchemaMemory {

  private final Map<String, ImagePullSecretStatus> written = new ConcurrentHashMap<>();
  private volatile StoredStatusFields fields = StoredStatusFields.ALL;

  /**
   * Looks at a stored status and returns what the store keeps, as far as known.
   *
   * @param uid the object's uid
   * @param stored its status as cached, or {@code null}
   * @return the fields to compare
   */
  StoredStatusFields observe(String uid, ImagePullSecretStatus stored) {
    ImagePullSecretStatus wrote = written.get(uid);
    if (fields == StoredStatusFields.ALL
        && wrote != null
        && stored != null
        && wrote.getConditions() != null
        && !wrote.getConditions().isEmpty()
        && wrote.getObservedGeneration() != null
        && (stored.getConditions() == null || stored.getConditions().isEmpty())
        && stored.getObservedGeneration() == null
        && StatusEquivalence.same(wrote, stored, StoredStatusFields.IMPS_ONLY)) {
      fields = StoredStatusFields.IMPS_ONLY;
    }
    return fields;
  }

  /**
   * Remembers a status that was written.
   *
   * @param uid the object's uid
   * @param status the status as sent
   */
  void wrote(String uid, ImagePullSecretStatus status) {
    written.put(uid, status);
  }

  /**
   * Forgets objects that no longer exist.
   *
   * @param existingUids the uids of the objects that exist
   */
  void retainOnly(Set<String> existingUids) {
    written.keySet().retainAll(existingUids);
  }
}
