package dev.imps.controller.reconcile;

import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceSecret;
import java.time.Clock;
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
 * own memory of last good credentials across passes.
 *
 * <p>Thread-safe. Each renderer serialises its own renders; different uids render in parallel.
 */
public final class PullSecretRenderers {

  private final CredentialProviders providers;
  private final Clock clock;
  private final Map<String, PullSecretRenderer> byUid = new ConcurrentHashMap<>();

  /**
   * Creates an empty set of renderers.
   *
   * @param providers the credential providers, by source secret type
   * @param clock decides when last good credentials expire
   */
  public PullSecretRenderers(CredentialProviders providers, Clock clock) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.clock = Objects.requireNonNull(clock, "clock");
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
    for (SecretRef source : spec.sources()) {
      inputs.add(input(source, state.secret(source.namespace(), source.name())));
    }
    return byUid
        .computeIfAbsent(spec.uid(), uid -> PullSecretRenderer.create(providers, clock))
        .render(inputs);
  }

  /**
   * Drops the memory of every {@code ImagePullSecret} that no longer exists.
   *
   * @param existingUids the uids of the objects that exist
   */
  public void retainOnly(Set<String> existingUids) {
    byUid.keySet().retainAll(existingUids);
  }

  /**
   * Returns how many renderers are kept, for tests and metrics.
   *
   * @return the number of uids with memory
   */
  public int size() {
    return byUid.size();
  }

  private static SourceInput input(SecretRef source, Optional<SecretSnapshot> secret) {
    return secret
        .map(s -> SourceInput.present(SourceSecret.of(source.toString(), s.type(), s.data())))
        .orElseGet(() -> SourceInput.missing(source.toString()));
  }
}
