package dev.imps.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The result of rendering one pull secret: the canonical {@code .dockerconfigjson} bytes, the
 * earliest expiry among its entries, and one {@link SourceStatus} per source in spec order.
 *
 * <p>The bytes are canonical: identical credentials give identical bytes (keys sorted, no nulls, no
 * whitespace), so a caller can skip a write when the bytes equal what is stored.
 *
 * <p>Before writing, check {@link #isUsable()}: when every source failed and none has last good
 * credentials, the config is empty and must not replace copies that still work.
 *
 * <p>Immutable. {@link #toString()} shows registries and statuses, never the bytes.
 */
public final class MergedConfig {

  private final byte[] dockerConfigJson;
  private final List<RegistryCredential> credentials;
  private final Instant earliestExpiry;
  private final List<SourceStatus> sources;

  private MergedConfig(
      byte[] dockerConfigJson,
      List<RegistryCredential> credentials,
      Instant earliestExpiry,
      List<SourceStatus> sources) {
    this.dockerConfigJson = dockerConfigJson;
    this.credentials = credentials;
    this.earliestExpiry = earliestExpiry;
    this.sources = sources;
  }

  /**
   * Builds the result from merged credentials; they are rendered here.
   *
   * @param credentials the winning credentials, at most one per registry key, in any order
   * @param sources the statuses, in spec order
   * @return the result
   * @throws IllegalArgumentException if two credentials have the same registry key
   */
  public static MergedConfig of(List<RegistryCredential> credentials, List<SourceStatus> sources) {
    List<RegistryCredential> copy =
        credentials.stream().sorted(Comparator.comparing(c -> c.registry().spelled())).toList();
    if (copy.stream().map(RegistryCredential::registry).distinct().count() != copy.size()) {
      throw new IllegalArgumentException("credentials must use each registry key at most once");
    }
    Instant earliest =
        copy.stream()
            .map(RegistryCredential::expiresAt)
            .flatMap(Optional::stream)
            .min(Instant::compareTo)
            .orElse(null);
    return new MergedConfig(
        CanonicalDockerConfig.render(copy), copy, earliest, List.copyOf(sources));
  }

  /**
   * Returns the canonical {@code .dockerconfigjson}.
   *
   * @return a copy of the UTF-8 bytes, e.g. {@code {"auths":{"ghcr.io":{"auth":"...",...}}}}
   */
  public byte[] dockerConfigJson() {
    return dockerConfigJson.clone();
  }

  /**
   * Tells whether the rendered bytes equal some stored bytes, without copying.
   *
   * @param stored bytes from the stored secret; null counts as different
   * @return true when a write would change nothing
   */
  public boolean sameBytesAs(byte[] stored) {
    return Arrays.equals(dockerConfigJson, stored);
  }

  /**
   * Returns the credentials that were written, in output order (sorted by registry key).
   *
   * @return the credentials
   */
  public List<RegistryCredential> credentials() {
    return credentials;
  }

  /**
   * Returns when the first of the written credentials expires. A caller should render again well
   * before then (for example at half the remaining time) so refreshed tokens replace it.
   *
   * @return the earliest expiry; empty when nothing written expires
   */
  public Optional<Instant> earliestExpiry() {
    return Optional.ofNullable(earliestExpiry);
  }

  /**
   * Returns the per-source statuses.
   *
   * @return one status per input, in spec order
   */
  public List<SourceStatus> sources() {
    return sources;
  }

  /**
   * Tells whether the config holds no registry at all.
   *
   * @return true when {@code auths} is empty
   */
  public boolean isEmpty() {
    return credentials.isEmpty();
  }

  /**
   * Tells whether the config may be written. It may not when it is empty and at least one source
   * {@link SourceStatus.State#FAILED failed}: then the emptiness comes from errors, not from the
   * spec, and writing it would take working credentials away from workloads. An empty config from
   * an empty or all-missing source list is usable: that emptiness is what the spec says.
   *
   * @return false when nothing usable was produced because of failures
   */
  public boolean isUsable() {
    return !credentials.isEmpty()
        || sources.stream().noneMatch(s -> s.state() == SourceStatus.State.FAILED);
  }

  /**
   * Returns what makes this config less than the sources promise although nothing failed: each
   * source that was read but gives no registry credentials, and a copy that holds no registry
   * although there are sources. A caller should not report such a result as plainly ready.
   *
   * @return the warnings, naming the sources; empty when there is nothing to warn about
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (SourceStatus source : sources) {
      if (source.givesNoCredentials()) {
        warnings.add(
            "source " + SafeText.quote(source.source()) + " gives no registry credentials");
      }
    }
    if (credentials.isEmpty() && !sources.isEmpty()) {
      warnings.add("the copy holds no registry");
    }
    return List.copyOf(warnings);
  }

  /**
   * Tells whether every source was read without error.
   *
   * @return true when every status is {@link SourceStatus.State#OK}
   */
  public boolean allOk() {
    return sources.stream().allMatch(SourceStatus::isOk);
  }

  /**
   * Returns the rendered JSON as text, for tests and debugging; it contains credentials, so never
   * log it.
   *
   * @return the UTF-8 decoded bytes
   */
  public String dockerConfigJsonText() {
    return new String(dockerConfigJson, StandardCharsets.UTF_8);
  }

  /** Shows registries, expiry and statuses; never credentials. */
  @Override
  public String toString() {
    return "MergedConfig[registries="
        + credentials.stream().map(c -> c.registry().spelled()).toList()
        + ", earliestExpiry="
        + earliestExpiry
        + ", sources="
        + sources
        + "]";
  }
}
