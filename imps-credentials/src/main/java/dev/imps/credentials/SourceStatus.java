package dev.imps.credentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one source fared in a render: its state, what it contributed, what it lost to earlier
 * sources, and a human message. Never contains a credential value.
 *
 * <p>Immutable.
 */
public final class SourceStatus {

  /** The outcome for a source. */
  public enum State {
    /** The source was read now; its credentials are in the result (unless shadowed). */
    OK,
    /**
     * The source failed now but worked before; its last good credentials that have not expired are
     * in the result.
     */
    STALE,
    /** The source failed and has no unexpired last good credentials; it contributes nothing. */
    FAILED,
    /** The source's secret does not exist; it contributes nothing and its last good is dropped. */
    MISSING
  }

  private final String source;
  private final State state;
  private final String error;
  private final List<String> registries;
  private final Map<String, String> shadowedBy;
  private final List<String> warnings;
  private final Instant lastGoodAt;

  private SourceStatus(
      String source,
      State state,
      String error,
      List<String> registries,
      Map<String, String> shadowedBy,
      List<String> warnings,
      Instant lastGoodAt) {
    this.source = Objects.requireNonNull(source, "source must not be null");
    this.state = Objects.requireNonNull(state, "state must not be null");
    this.error = error;
    this.registries = List.copyOf(registries);
    this.shadowedBy = Collections.unmodifiableMap(new LinkedHashMap<>(shadowedBy));
    this.warnings = List.copyOf(warnings);
    this.lastGoodAt = lastGoodAt;
  }

  /**
   * A source read now.
   *
   * @param source the source's name
   * @param registries the registry keys it contributed, as spelled
   * @param shadowedBy registry keys (as this source spelled them) that an earlier source already
   *     gave, mapped to that earlier source's name
   * @param warnings warnings from reading it
   * @return the status
   */
  public static SourceStatus ok(
      String source,
      List<String> registries,
      Map<String, String> shadowedBy,
      List<String> warnings) {
    return new SourceStatus(source, State.OK, null, registries, shadowedBy, warnings, null);
  }

  /**
   * A failing source whose last good credentials are used.
   *
   * @param source the source's name
   * @param error why it failed now
   * @param lastGoodAt when its credentials were last read successfully
   * @param registries the registry keys its last good credentials contributed
   * @param shadowedBy as for {@link #ok}
   * @param warnings warnings from the last successful read
   * @return the status
   */
  public static SourceStatus stale(
      String source,
      String error,
      Instant lastGoodAt,
      List<String> registries,
      Map<String, String> shadowedBy,
      List<String> warnings) {
    Objects.requireNonNull(error, "error must not be null");
    Objects.requireNonNull(lastGoodAt, "lastGoodAt must not be null");
    return new SourceStatus(
        source, State.STALE, error, registries, shadowedBy, warnings, lastGoodAt);
  }

  /**
   * A failing source without usable last good credentials.
   *
   * @param source the source's name
   * @param error why it failed
   * @return the status
   */
  public static SourceStatus failed(String source, String error) {
    Objects.requireNonNull(error, "error must not be null");
    return new SourceStatus(source, State.FAILED, error, List.of(), Map.of(), List.of(), null);
  }

  /**
   * A source whose secret does not exist.
   *
   * @param source the source's name
   * @return the status
   */
  public static SourceStatus missing(String source) {
    return new SourceStatus(
        source, State.MISSING, "secret not found", List.of(), Map.of(), List.of(), null);
  }

  /**
   * Returns this status with more warnings.
   *
   * @param more warnings to append
   * @return the status, or this one when {@code more} is empty
   */
  SourceStatus withWarnings(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(warnings);
    all.addAll(more);
    return new SourceStatus(source, state, error, registries, shadowedBy, all, lastGoodAt);
  }

  /**
   * Tells whether the source was read (now or before) but gives no registry credentials at all, for
   * example a {@code .dockerconfigjson} of {@code {}}: the kubelet gets nothing from it.
   *
   * @return true for an {@link State#OK} or {@link State#STALE} source without registries, shadowed
   *     or not
   */
  public boolean givesNoCredentials() {
    return (state == State.OK || state == State.STALE)
        && registries.isEmpty()
        && shadowedBy.isEmpty();
  }

  /**
   * Tells whether the status has something to tell beyond its state: warnings or shadowed
   * registries.
   *
   * @return true when {@link #message()} says more than the state
   */
  public boolean hasNotes() {
    return !warnings.isEmpty() || !shadowedBy.isEmpty();
  }

  /**
   * Returns the source's name.
   *
   * @return the name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the state.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * Tells whether the source was read now without error.
   *
   * @return true for {@link State#OK}
   */
  public boolean isOk() {
    return state == State.OK;
  }

  /**
   * Returns why the source failed or is missing.
   *
   * @return the error; empty for {@link State#OK}
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns the registry keys this source contributed to the result.
   *
   * @return the keys as this source spelled them, in its order
   */
  public List<String> registries() {
    return registries;
  }

  /**
   * Returns the registries this source gave but an earlier source had already given.
   *
   * @return registry key (as this source spelled it) to the name of the source that won
   */
  public Map<String, String> shadowedBy() {
    return shadowedBy;
  }

  /**
   * Returns warnings about the source's content.
   *
   * @return the warnings
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Returns when a {@link State#STALE} source was last read successfully.
   *
   * @return the instant; empty for other states
   */
  public Optional<Instant> lastGoodAt() {
    return Optional.ofNullable(lastGoodAt);
  }

  /**
   * Returns a one-line human summary: {@code "ok"}, or the state and the reasons.
   *
   * @return the message, without credential values
   */
  public String message() {
    List<String> parts = new ArrayList<>();
    switch (state) {
      case OK:
        parts.add("ok");
        break;
      case STALE:
        parts.add(
            "stale: using credentials last read at "
                + lastGoodAt
                + " until they expire, because: "
                + error);
        break;
      case FAILED:
        parts.add("failed: " + error);
        break;
      default:
        parts.add("missing: " + error);
        break;
    }
    shadowedBy.forEach(
        (registry, winner) ->
            parts.add(
                "registry "
                    + SafeText.quote(registry)
                    + " is shadowed by earlier source "
                    + SafeText.quote(winner)));
    parts.addAll(warnings);
    return String.join("; ", parts);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SourceStatus)) {
      return false;
    }
    SourceStatus that = (SourceStatus) other;
    return source.equals(that.source)
        && state == that.state
        && Objects.equals(error, that.error)
        && registries.equals(that.registries)
        && shadowedBy.equals(that.shadowedBy)
        && warnings.equals(that.warnings)
        && Objects.equals(lastGoodAt, that.lastGoodAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, state, error, registries, shadowedBy, warnings, lastGoodAt);
  }

  @Override
  public String toString() {
    return source + ": " + message();
  }
}
