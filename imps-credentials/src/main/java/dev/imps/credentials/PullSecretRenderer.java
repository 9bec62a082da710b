package dev.imps.credentials;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renders the sources of one pull secret into one {@link MergedConfig}, remembering each source's
 * last good credentials between calls.
 *
 * <p>Use one renderer per consumer (one per ImagePullSecret resource, or one per refresher target),
 * because the memory of last good credentials belongs to that consumer's sources.
 *
 * <p>Rules, in the order applied:
 *
 * <ol>
 *   <li>Sources are read in the order given (spec order). A {@link SourceInput#present present}
 *       source is read by the {@link CredentialProvider} for its type; on success its credentials
 *       become its new last good.
 *   <li>A source that fails now ({@link SourceInput#unreadable unreadable}, unknown type, bad
 *       content, provider error) contributes its last good credentials that have not expired, with
 *       state {@link SourceStatus.State#STALE STALE}; with none left it is {@link
 *       SourceStatus.State#FAILED FAILED}.
 *   <li>A {@link SourceInput#missing missing} source contributes nothing and its last good is
 *       forgotten; so is the last good of every source no longer in the list.
 *   <li>Every entry is kept under its key exactly as spelled, because the kubelet tries every entry
 *       whose key matches an image ({@link RegistryKey}). Only when two sources give the very same
 *       key string does the earlier one win; the later source's status lists the key as shadowed.
 *   <li>When a source's Docker Hub fallback entry ({@code https://index.docker.io/v1/}) would be
 *       hidden by another source's key that matches Docker Hub images, it is also written under
 *       {@code docker.io} ({@link DockerHubAliases}); the source's status notes it.
 *   <li>A source that is read but gives no credentials gets the warning {@value #NO_CREDENTIALS}.
 * </ol>
 *
 * <p>Thread-safe: {@link #render} is synchronized on the renderer, so calls from several worker
 * threads are serialized; the lock is per renderer (per consumer), never shared between consumers,
 * and is held while providers run (which may include an ECR call).
 */
public final class PullSecretRenderer {

  private static final System.Logger LOG = System.getLogger(PullSecretRenderer.class.getName());

  /**
   * The warning of a failing source whose last good credentials were taken from the config last
   * written (after a restart).
   */
  static final String RECOVERED =
      "its last good credentials are the entries of the existing copy that no other source gives";

  /** The warning of a source that was read but gives no registry credentials. */
  static final String NO_CREDENTIALS = "gives no registry credentials";

  private final CredentialProviders providers;
  private final Clock clock;
  private final Map<String, LastGood> lastGood = new HashMap<>();

  private PullSecretRenderer(CredentialProviders providers, Clock clock) {
    this.providers = Objects.requireNonNull(providers, "providers must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /**
   * Creates a renderer on the system clock.
   *
   * @param providers the providers, by secret type
   * @return a renderer with no memory yet
   */
  public static PullSecretRenderer create(CredentialProviders providers) {
    return new PullSecretRenderer(providers, Clock.systemUTC());
  }

  /**
   * Creates a renderer on a given clock (tests move it to expire last good credentials).
   *
   * @param providers the providers, by secret type
   * @param clock the clock deciding whether last good credentials have expired
   * @return a renderer with no memory yet
   */
  public static PullSecretRenderer create(CredentialProviders providers, Clock clock) {
    return new PullSecretRenderer(providers, clock);
  }

  /**
   * Reads the sources and merges them.
   *
   * @param sources the pull secret's sources in spec order
   * @return the merged config with one status per source
   */
  public MergedConfig render(List<SourceInput> sources) {
    return render(sources, Optional::empty);
  }

  /**
   * Reads the sources and merges them; a failing source that has no last good credentials in memory
   * (after a restart: none were read since) takes them from the config last written for this
   * consumer.
   *
   * <p>Its last good credentials become the entries of {@code lastWritten} whose registry keys no
   * other source gives now (with state {@link SourceStatus.State#STALE STALE} and the warning
   * {@value #RECOVERED}); they are remembered like credentials read from the source, so a later
   * change to another source is applied while they are kept. If several such sources fail, each
   * gets those entries and the earliest in spec order wins them. Without such entries the source is
   * {@link SourceStatus.State#FAILED FAILED}, as with {@link #render(List)}.
   *
   * @param sources the pull secret's sources in spec order
   * @param lastWritten the config last written from these sources (e.g. an existing copy), as a
   *     {@value SecretFormats#TYPE_DOCKER_CONFIG_JSON} secret; asked for only when a failing source
   *     has no last good credentials
   * @return the merged config with one status per source
   */
  public synchronized MergedConfig render(
      List<SourceInput> sources, Supplier<Optional<SourceSecret>> lastWritten) {
    Objects.requireNonNull(sources, "sources must not be null");
    Objects.requireNonNull(lastWritten, "lastWritten must not be null");
    Instant now = clock.instant();
    Map<RegistryKey, DockerHubAliases.Entry> winners = new LinkedHashMap<>();
    List<SourceStatus> statuses = new ArrayList<>(sources.size());
    Map<Integer, String> withoutLastGood = new LinkedHashMap<>();
    Set<String> kept = new HashSet<>();
    for (SourceInput input : sources) {
      Objects.requireNonNull(input, "source input must not be null");
      boolean remembered = lastGood.containsKey(input.name());
      SourceStatus status = renderOne(input, now, winners, kept);
      if (status.state() == SourceStatus.State.FAILED && !remembered) {
        withoutLastGood.put(statuses.size(), status.error().orElseThrow());
      }
      statuses.add(status);
    }
    if (!withoutLastGood.isEmpty()) {
      List<RegistryCredential> recovered = recover(lastWritten, winners, now);
      if (!recovered.isEmpty()) {
        for (Map.Entry<Integer, String> failing : withoutLastGood.entrySet()) {
          String name = statuses.get(failing.getKey()).source();
          ProvidedCredentials provided = ProvidedCredentials.of(recovered, List.of(RECOVERED));
          lastGood.put(name, new LastGood(provided, now));
          Contribution contribution = contribute(name, recovered, winners);
          statuses.set(
              failing.getKey(),
              SourceStatus.stale(
                  name,
                  failing.getValue(),
                  now,
                  contribution.registries,
                  contribution.shadowedBy,
                  provided.warnings()));
        }
      }
    }
    lastGood.keySet().retainAll(kept);
    Map<String, List<String>> aliasNotes = DockerHubAliases.addTo(winners);
    List<RegistryCredential> merged = new ArrayList<>(winners.size());
    winners.values().forEach(w -> merged.add(w.credential()));
    List<SourceStatus> noted =
        statuses.stream()
            .map(s -> s.withWarnings(aliasNotes.getOrDefault(s.source(), List.of())))
            .toList();
    return MergedConfig.of(merged, noted);
  }

  /** The entries of the config last written that no source gives now and have not expired. */
  private List<RegistryCredential> recover(
      Supplier<Optional<SourceSecret>> lastWritten,
      Map<RegistryKey, DockerHubAliases.Entry> winners,
      Instant now) {
    Optional<SourceSecret> written = lastWritten.get();
    if (written.isEmpty()) {
      return List.of();
    }
    try {
      return providers.provide(written.get()).credentials().stream()
          .filter(c -> !winners.containsKey(c.registry()) && c.isValidAt(now))
          .toList();
    } catch (CredentialException | RuntimeException e) {
      // Not a readable config: nothing to recover; the source stays FAILED.
      LOG.log(Level.DEBUG, "the config last written for {0} is not readable", written.get().name());
      return List.of();
    }
  }

  /**
   * Forgets every source's last good credentials, for when the consumer goes away.
   *
   * <p>Rendering with an empty list has the same effect.
   */
  public synchronized void forget() {
    lastGood.clear();
  }

  private SourceStatus renderOne(
      SourceInput input,
      Instant now,
      Map<RegistryKey, DockerHubAliases.Entry> winners,
      Set<String> kept) {
    String name = input.name();
    if (input.kind() == SourceInput.Kind.MISSING) {
      lastGood.remove(name);
      return SourceStatus.missing(name);
    }
    kept.add(name);
    String error;
    if (input.kind() == SourceInput.Kind.PRESENT) {
      try {
        ProvidedCredentials provided = providers.provide(input.secret().orElseThrow());
        lastGood.put(name, new LastGood(provided, now));
        Contribution contribution = contribute(name, provided.credentials(), winners);
        List<String> warnings = new ArrayList<>(provided.warnings());
        if (provided.credentials().isEmpty()) {
          warnings.add(NO_CREDENTIALS);
        }
        return SourceStatus.ok(name, contribution.registries, contribution.shadowedBy, warnings);
      } catch (CredentialException e) {
        error = e.getMessage();
      } catch (RuntimeException e) {
        // A bug or an unexpected SDK failure: its message is not vetted for secrets, so only the
        // type is reported.
        error = "source " + SafeText.quote(name) + ": unexpected " + e.getClass().getName();
        LOG.log(Level.DEBUG, "unexpected failure reading source {0}", name);
      }
    } else {
      error = "source " + SafeText.quote(name) + ": " + input.reason().orElseThrow();
    }
    LastGood previous = lastGood.get(name);
    if (previous != null) {
      List<RegistryCredential> valid =
          previous.provided.credentials().stream().filter(c -> c.isValidAt(now)).toList();
      if (!valid.isEmpty()) {
        Contribution contribution = contribute(name, valid, winners);
        return SourceStatus.stale(
            name,
            error,
            previous.readAt,
            contribution.registries,
            contribution.shadowedBy,
            previous.provided.warnings());
      }
      lastGood.remove(name);
    }
    return SourceStatus.failed(name, error);
  }

  private static Contribution contribute(
      String source,
      List<RegistryCredential> credentials,
      Map<RegistryKey, DockerHubAliases.Entry> winners) {
    Contribution contribution = new Contribution();
    for (RegistryCredential credential : credentials) {
      DockerHubAliases.Entry earlier = winners.get(credential.registry());
      if (earlier == null) {
        winners.put(credential.registry(), new DockerHubAliases.Entry(source, credential));
        contribution.registries.add(credential.registry().spelled());
      } else {
        contribution.shadowedBy.put(credential.registry().spelled(), earlier.source());
      }
    }
    return contribution;
  }

  private static final class LastGood {
    final ProvidedCredentials provided;
    final Instant readAt;

    LastGood(ProvidedCredentials provided, Instant readAt) {
      this.provided = provided;
      this.readAt = readAt;
    }
  }

  private static final class Contribution {
    final List<String> registries = new ArrayList<>();
    final Map<String, String> shadowedBy = new LinkedHashMap<>();
  }
}
