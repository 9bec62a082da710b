package dev.imps.controller.reconcile;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One entry of a {@link SecretDiff}: what happens to the target secret in one namespace, and why.
 * Immutable; {@link #describe()} never shows secret data.
 */
public sealed interface SecretChange {

  /**
   * Returns the namespace the change is about.
   *
   * @return the namespace name
   */
  String namespace();

  /**
   * Returns why the change is planned, for plans, logs and events.
   *
   * @return e.g. {@code selected: matched by names[0]}
   */
  String why();

  /**
   * Describes the change in one line, e.g. {@code create team-a/pull-secret (matched by names[0])}.
   *
   * @return the description
   */
  String describe();

  /**
   * The copy does not exist yet.
   *
   * @param desired the copy to create
   * @param why why the namespace gets a copy
   */
  record Create(DesiredSecret desired, String why) implements SecretChange {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Create {
      Objects.requireNonNull(desired, "desired");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String namespace() {
      return desired.ref().namespace();
    }

    @Override
    public String describe() {
      return "create " + desired.ref() + " (" + why + ")";
    }
  }

  /**
   * The secret exists and differs; a merge patch fixes it. Also used to take over a secret imps may
   * adopt.
   *
   * @param desired the copy as it should be
   * @param current the secret as it is
   * @param patch the patch from {@code current} to {@code desired}
   * @param why e.g. {@code out of date} or {@code adopt: annotated images.banzaicloud.io/adopt-by}
   */
  record Update(DesiredSecret desired, SecretSnapshot current, SecretPatch patch, String why)
      implements SecretChange {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Update {
      Objects.requireNonNull(desired, "desired");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(patch, "patch");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String namespace() {
      return desired.ref().namespace();
    }

    @Override
    public String describe() {
      return "update "
          + desired.ref()
          + " "
          + patch.changes().stream()
              .sorted()
              .map(f -> f.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(",", "[", "]"))
          + " ("
          + why
          + ")";
    }
  }

  /**
   * The secret exists with another type, which Kubernetes cannot change: delete it and create the
   * copy.
   *
   * @param desired the copy to create
   * @param current the secret to delete first
   * @param why why imps may replace it
   */
  record Replace(DesiredSecret desired, SecretSnapshot current, String why)
      implements SecretChange {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Replace {
      Objects.requireNonNull(desired, "desired");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String namespace() {
      return desired.ref().namespace();
    }

    @Override
    public String describe() {
      return "replace "
          + desired.ref()
          + " (type "
          + current.type()
          + " -> "
          + desired.type()
          + "; "
          + why
          + ")";
    }
  }

  /**
   * A copy this {@code ImagePullSecret} owns is no longer wanted.
   *
   * @param current the copy
   * @param why {@code namespace no longer selected} or {@code renamed}
   */
  record Delete(SecretSnapshot current, String why) implements SecretChange {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Delete {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String namespace() {
      return current.namespace();
    }

    @Override
    public String describe() {
      return "delete " + current.ref() + " (" + why + ")";
    }
  }

  /**
   * The namespace is selected, but a secret with the target name exists that imps must not touch.
   *
   * @param ref namespace and name of the blocking secret
   * @param holder the {@code ImagePullSecret} that holds it, if another one does
   * @param why for humans, e.g. how to let imps adopt it
   */
  record Conflict(SecretRef ref, Optional<String> holder, String why) implements SecretChange {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Conflict {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String namespace() {
      return ref.namespace();
    }

    @Override
    public String describe() {
      return "conflict " + ref + " (" + why + ")";
    }
  }

  /**
   * The namespace is selected but no write happens this pass because the rendered content cannot be
   * trusted (a source failed); an existing copy keeps its content.
   *
   * @param ref namespace and name of the copy
   * @param existingCopy whether this {@code ImagePullSecret}'s copy already exists there
   * @param why which source failed
   */
  record Hold(SecretRef ref, boolean existingCopy, String why) implements SecretChange {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Hold {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String namespace() {
      return ref.namespace();
    }

    @Override
    public String describe() {
      return "hold " + ref + " (" + why + ")";
    }
  }

  /**
   * The copy is already right.
   *
   * @param ref namespace and name of the copy
   * @param why why the namespace is selected
   */
  record InPlace(SecretRef ref, String why) implements SecretChange {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public InPlace {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String namespace() {
      return ref.namespace();
    }

    @Override
    public String describe() {
      return "keep " + ref + " (" + why + ")";
    }
  }
}
