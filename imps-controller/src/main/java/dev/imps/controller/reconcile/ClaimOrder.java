package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecret;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which of two {@code ImagePullSecret}s has the stronger claim on a secret name in a namespace: the
 * older one by {@code metadata.creationTimestamp}, then the one whose name sorts first. Both sides
 * of a conflict compute the same order, so exactly one of them writes and neither flaps.
 */
public final class ClaimOrder {

  /** Orders the strongest claim first; objects without a creation time sort last. */
  public static final Comparator<ImagePullSecret> STRONGEST_FIRST =
      Comparator.comparing(
              (ImagePullSecret cr) -> created(cr).orElse(Instant.MAX), Comparator.naturalOrder())
          .thenComparing(ClaimOrder::name);

  private ClaimOrder() {}

  /**
   * Tells whether {@code claimant} wins a secret name against {@code holder}.
   *
   * @param claimant the object that wants the secret
   * @param holder the object that holds it now
   * @return {@code true} if {@code claimant} is older, or as old and sorts first by name
   */
  public static boolean wins(ImagePullSecret claimant, ImagePullSecret holder) {
    return STRONGEST_FIRST.compare(claimant, holder) < 0;
  }

  private static Optional<Instant> created(ImagePullSecret cr) {
    V1ObjectMeta metadata = cr.getMetadata();
    OffsetDateTime created = metadata == null ? null : metadata.getCreationTimestamp();
    return Optional.ofNullable(created).map(OffsetDateTime::toInstant);
  }

  private static String name(ImagePullSecret cr) {
    V1ObjectMeta metadata = cr.getMetadata();
    return metadata == null || metadata.getName() == null ? "" : metadata.getName();
  }
}
