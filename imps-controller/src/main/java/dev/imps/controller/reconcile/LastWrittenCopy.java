package dev.imps.controller.reconcile;

import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The docker config an {@code ImagePullSecret}'s existing copies hold: what imps wrote last for it,
 * before a restart. Its entries are the last good credentials of a source that fails (or is missing
 * inside its grace period) before imps has read it once (see {@link
 * dev.imps.credentials.PullSecretRenderer#render(List, java.util.function.Supplier)}).
 *
 * <p>Only copies proven to be this object's ({@link CopyOwnership}) with the target name count.
 * When they differ (a pass was interrupted), the content most of them hold is taken; a tie goes to
 * the copy in the first namespace by name. Reads the cluster state only; writes nothing.
 */
final class LastWrittenCopy {

  private LastWrittenCopy() {}

  /**
   * Finds the config the copies hold.
   *
   * @param spec the {@code ImagePullSecret}
   * @param state the cluster state
   * @return the config as a {@value SecretFormats#TYPE_DOCKER_CONFIG_JSON} secret named after the
   *     copy it was taken from, or empty if the object has no proven copy holding one
   */
  static Optional<SourceSecret> of(ResolvedSpec spec, ClusterState state) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
    List<SecretSnapshot> copies =
        state.copiesOwnedBy(spec.uid()).stream()
            .filter(c -> c.name().equals(spec.secretName()))
            .filter(c -> CopyOwnership.of(c).isOwnedBy(spec.uid()))
            .filter(c -> c.dataValue(ReconcileConstants.DOCKER_CONFIG_JSON_KEY).isPresent())
            .sorted(Comparator.comparing(SecretSnapshot::namespace))
            .toList();
    Map<ByteBuffer, SecretSnapshot> firstWithContent = new LinkedHashMap<>();
    Map<ByteBuffer, Integer> counts = new LinkedHashMap<>();
    for (SecretSnapshot copy : copies) {
      ByteBuffer content =
          ByteBuffer.wrap(copy.dataValue(ReconcileConstants.DOCKER_CONFIG_JSON_KEY).orElseThrow());
      firstWithContent.putIfAbsent(content, copy);
      counts.merge(content, 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .max(
            Comparator.<Map.Entry<ByteBuffer, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(
                    e -> firstWithContent.get(e.getKey()).namespace(), Comparator.reverseOrder()))
        .map(
            e -> {
              SecretSnapshot copy = firstWithContent.get(e.getKey());
              return SourceSecret.of(
                  copy.namespace() + "/" + copy.name(),
                  SecretFormats.TYPE_DOCKER_CONFIG_JSON,
                  Map.of(SecretFormats.KEY_DOCKER_CONFIG_JSON, e.getKey().array()));
            });
  }
}
