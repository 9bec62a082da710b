package dev.imps.controller.reconcile;

import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.SourceStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a pass may write into copies, decided from the rendered config.
 *
 * <ul>
 *   <li>Every source read, or failing with last good credentials ({@code STALE}, which includes a
 *       source missing inside its grace period, see {@link MissingSourceGrace}), or missing past
 *       its grace period ({@code MISSING}, dropped): creates and updates.
 *   <li>Some source {@code FAILED} (no last good to fall back on, neither in memory nor in the
 *       existing copies, e.g. a new object): existing copies keep their content, because the
 *       rendered config lacks that source's registries; a namespace without a copy still gets one
 *       if the config is not empty.
 *   <li>Nothing usable: no writes at all.
 *   <li>No credentials although the spec lists sources: never replaces a copy, because a copy
 *       holding credentials is only ever replaced by one holding none when the spec itself has no
 *       sources left. If some source is missing or failing, nothing is created either; if every
 *       source was read and is simply empty, new namespaces still get the (empty) copy.
 * </ul>
 *
 * @param data the data of a copy, or empty if nothing may be created
 * @param mayUpdate whether existing copies may be changed
 * @param holdReason why writes are held back, {@code ""} if they are not
 */
public record CopyContent(
    Optional<Map<String, byte[]>> data, boolean mayUpdate, String holdReason) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public CopyContent {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(holdReason, "holdReason");
  }

  /**
   * Decides from a rendered config.
   *
   * @param merged the render result
   * @return what may be written
   */
  public static CopyContent from(MergedConfig merged) {
    Map<String, byte[]> data =
        Map.of(ReconcileConstants.DOCKER_CONFIG_JSON_KEY, merged.dockerConfigJson());
    String failed =
        merged.sources().stream()
            .filter(s -> s.state() == SourceStatus.State.FAILED)
            .map(SourceStatus::source)
            .collect(Collectors.joining(", "));
    if (merged.isEmpty() && !merged.sources().isEmpty()) {
      boolean allRead = merged.sources().stream().allMatch(SourceStatus::isOk);
      if (!allRead) {
        return new CopyContent(
            Optional.empty(),
            false,
            "no credentials: every source is missing or failing; existing copies keep their"
                + " content");
      }
      return new CopyContent(
          Optional.of(data),
          false,
          "the sources hold no credentials; existing copies keep their content");
    }
    if (failed.isEmpty()) {
      return new CopyContent(Optional.of(data), true, "");
    }
    if (!merged.isUsable() || merged.isEmpty()) {
      return new CopyContent(
          Optional.empty(), false, "no usable credentials: source " + failed + " failed");
    }
    return new CopyContent(
        Optional.of(data),
        false,
        "source " + failed + " failed; existing copies keep their content");
  }

  /**
   * Returns content that allows every write, for tests and callers that render elsewhere.
   *
   * @param data the data of a copy
   * @return the content
   */
  public static CopyContent of(Map<String, byte[]> data) {
    return new CopyContent(Optional.of(data), true, "");
  }
}
