package dev.imps.controller.reconcile;

import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Missing is not empty: a source secret that disappears (deleted, or being re-created by {@code
 * kubectl replace --force}, a GitOps tool, a sealed or external secret controller) keeps
 * contributing its last good credentials for a grace period.
 *
 * <p>It remembers since when each source of each {@code ImagePullSecret} has been missing. Inside
 * the grace period the source is handed to the renderer as <em>unreadable</em>, so the renderer
 * keeps its last good credentials (state {@code STALE}). After a restart the last good credentials
 * are the entries of the existing copies that no other source gives ({@link LastWrittenCopy}); with
 * none (a new object) it is {@code FAILED}, which holds existing copies as they are. The grace
 * period of a source found missing after a restart starts at the restart. Only after the grace
 * period is the source <em>missing</em> and dropped. Removing it from the spec drops it at once:
 * the renderer forgets sources no longer listed.
 *
 * <p>The source's status message says since when it is missing and until when it is kept; both
 * instants stay the same from pass to pass, so an idle pass writes no status.
 *
 * <p>Thread-safe.
 */
public final class MissingSourceGrace {

  /** The default grace period ({@code --missing-source-grace}): 10 minutes. */
  public static final Duration DEFAULT = Duration.ofMinutes(10);

  private final Duration grace;
  private final Clock clock;
  private final Map<String, Map<SecretRef, Instant>> missingSince = new ConcurrentHashMap<>();

  private MissingSourceGrace(Duration grace, Clock clock) {
    this.grace = grace;
    this.clock = clock;
  }

  /**
   * Creates an empty memory.
   *
   * @param grace how long a missing source keeps its last good credentials; zero drops it at once
   * @param clock the clock
   * @return the memory
   * @throws IllegalArgumentException if {@code grace} is negative
   */
  public static MissingSourceGrace of(Duration grace, Clock clock) {
    Objects.requireNonNull(grace, "grace must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("missing source grace must not be negative: " + grace);
    }
    return new MissingSourceGrace(grace, clock);
  }

  /**
   * Returns the grace period.
   *
   * @return the duration
   */
  public Duration grace() {
    return grace;
  }

  /**
   * Turns what the cluster holds for one source into the renderer's input, and remembers when the
   * source went missing.
   *
   * @param ownerUid the {@code ImagePullSecret}'s uid
   * @param source the source reference
   * @param secret the source secret, or empty if it does not exist
   * @return present, unreadable (missing inside the grace period) or missing
   */
  public SourceInput input(String ownerUid, SecretRef source, Optional<SecretSnapshot> secret) {
    Map<SecretRef, Instant> sources =
        missingSince.computeIfAbsent(ownerUid, uid -> new ConcurrentHashMap<>());
    if (secret.isPresent()) {
      sources.remove(source);
      SecretSnapshot s = secret.get();
      return SourceInput.present(SourceSecret.of(source.toString(), s.type(), s.data()));
    }
    Instant now = clock.instant();
    Instant since = sources.computeIfAbsent(source, ref -> now);
    Instant until = since.plus(grace);
    if (now.isBefore(until)) {
      return SourceInput.unreadable(
          source.toString(),
          "secret not found since "
              + since
              + "; its last good credentials are kept until "
              + until
              + " (missing source grace "
              + grace
              + ")");
    }
    return SourceInput.missing(source.toString());
  }

  /**
   * Forgets the sources an {@code ImagePullSecret} no longer lists.
   *
   * @param ownerUid the {@code ImagePullSecret}'s uid
   * @param sources the sources its spec lists now
   */
  public void retainSources(String ownerUid, List<SecretRef> sources) {
    Map<SecretRef, Instant> known = missingSince.get(ownerUid);
    if (known != null) {
      known.keySet().retainAll(new HashSet<>(sources));
    }
  }

  /**
   * Forgets every {@code ImagePullSecret} that no longer exists.
   *
   * @param existingUids the uids of the objects that exist
   */
  public void retainOnly(Set<String> existingUids) {
    missingSince.keySet().retainAll(existingUids);
  }

  /**
   * Returns when the first grace period of an {@code ImagePullSecret}'s missing sources ends, so
   * that a pass runs then and drops the source on time.
   *
   * @param ownerUid the {@code ImagePullSecret}'s uid
   * @return the earliest end still in the future, or empty if no source is missing in its grace
   */
  public Optional<Instant> nextDeadline(String ownerUid) {
    Map<SecretRef, Instant> known = missingSince.get(ownerUid);
    if (known == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return known.values().stream()
        .map(since -> since.plus(grace))
        .filter(now::isBefore)
        .min(Instant::compareTo);
  }
}
