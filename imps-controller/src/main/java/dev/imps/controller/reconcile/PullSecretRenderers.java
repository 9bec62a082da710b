package dev.imps.controller.reconcile;

import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SourceInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step two of a pass: reads an {@code ImagePullSecret}'s sources from the cluster state and renders
 * them with one {@link PullSecretRenderer} per {@code ImagePullSecret} uid, so that each keeps its
 * own memory of last good credentials across passes. A failing or missing source that has no last
 * good in memory yet (after a restart) takes the entries of the existing copies that no other
 * source gives ({@link LastWrittenCopy}): the copies hold the last good credentials.
 *
 * <p>Thread-safe. Each renderer serialises its own renders; different uids render in parallel.
 */
public final class PullSecretRenderers {

  private final CredentialProviders providers;
  private final Clock clock;
  private final MissingSourceGrace missing;
  private final Map<String, PullSecretRenderer> byUid = new ConcurrentHashMap<>();

  /**
   * Creates an empty set of renderers with the default missing source grace ({@link
   * MissingSourceGrace#DEFAULT}).
   *
   * @param providers the credential providers, by source secret type
   * @param clock decides when last good credentials expire
   */
  public PullSecretRenderers(CredentialProviders providers, Clock clock) {
    this(providers, clock, MissingSourceGrace.DEFAULT);
  }

  /**
   * Creates an empty set of renderers.
   *
   * @param providers the credential providers, by source secret type
   * @param clock decides when last good credentials expire
   * @param missingSourceGrace how long a missing source keeps its last good credentials
   */
  public PullSecretRenderers(
      CredentialProviders providers, Clock clock, Duration missingSourceGrace) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.missing = MissingSourceGrace.of(missingSourceGrace, clock);
  }

  /**
   * Reads the sources of a spec and renders them.
   *
   * @param spec the {@code ImagePullSecret}
   * @param state where the source secrets come from
   * @return the merged config, with one source status per source in spec order
   */
  public MergedConfig render(ResolvedSpec spec, ClusterState state) {
    List<SourceInput> inputs = new ArrayList<>(spec.sources().size());
    missing.retainSources(spec.uid(), spec.sources());
    for (SecretRef source : spec.sources()) {
      inputs.add(
          missing.input(spec.uid(), source, state.secret(source.namespace(), source.name())));
    }
    return byUid
        .computeIfAbsent(spec.uid(), uid -> PullSecretRenderer.create(providers, clock))
        .render(inputs, () -> LastWrittenCopy.of(spec, state));
  }

  /**
   * Drops the memory of every {@code ImagePullSecret} that no longer exists.
   *
   * @param existingUids the uids of the objects that exist
   */
  public void retainOnly(Set<String> existingUids) {
    byUid.keySet().retainAll(existingUids);
    missing.retainOnly(existingUids);
  }

  /**
   * Returns when the grace period of one of an {@code ImagePullSecret}'s missing sources ends.
   *
   * @param uid the {@code ImagePullSecret}'s uid
   * @return the instant, or empty if no source is missing inside its grace period
   */
  public Optional<Instant> nextGraceDeadline(String uid) {
    return missing.nextDeadline(uid);
  }

  /**
   * Returns how many renderers are kept, for tests and metrics.
   *
   * @return the number of uids with memory
   */
  public int size() {
    return byUid.size();
  }
}
