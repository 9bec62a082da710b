package dev.imps.credentials;

import java.util.Objects;
import java.util.Optional;

/**
 * What the caller found for one source of a pull secret: the secret, no secret, or an error while
 * reading it. The three cases differ in what happens to the source's last good credentials:
 *
 * <ul>
 *   <li>{@link #present(SourceSecret)}: the secret was read; it is parsed and, if that works,
 *       becomes the new last good.
 *   <li>{@link #missing(String)}: the secret does not exist (deleted, or never created); its last
 *       good credentials are dropped, since keeping them would resurrect a deleted secret.
 *   <li>{@link #unreadable(String, String)}: reading failed (API error, forbidden, timeout); the
 *       last good credentials stay until their own expiry.
 * </ul>
 */
public final class SourceInput {

  /** Which of the three cases an input is. */
  public enum Kind {
    /** The secret was read. */
    PRESENT,
    /** The secret does not exist. */
    MISSING,
    /** Reading the secret failed. */
    UNREADABLE
  }

  private final Kind kind;
  private final String name;
  private final SourceSecret secret;
  private final String reason;

  private SourceInput(Kind kind, String name, SourceSecret secret, String reason) {
    this.kind = kind;
    this.name = name;
    this.secret = secret;
    this.reason = reason;
  }

  /**
   * The secret was read.
   *
   * @param secret the secret; its name is the source's name
   * @return the input
   */
  public static SourceInput present(SourceSecret secret) {
    Objects.requireNonNull(secret, "secret must not be null");
    return new SourceInput(Kind.PRESENT, secret.name(), secret, null);
  }

  /**
   * The secret does not exist.
   *
   * @param name the source's name
   * @return the input
   * @throws IllegalArgumentException if name is blank
   */
  public static SourceInput missing(String name) {
    return new SourceInput(Kind.MISSING, checkName(name), null, null);
  }

  /**
   * Reading the secret failed.
   *
   * @param name the source's name
   * @param reason why, for the source's status; must not contain a credential value
   * @return the input
   * @throws IllegalArgumentException if name is blank
   */
  public static SourceInput unreadable(String name, String reason) {
    Objects.requireNonNull(reason, "reason must not be null");
    return new SourceInput(Kind.UNREADABLE, checkName(name), null, reason);
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "source name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("source name must not be blank");
    }
    return name;
  }

  /**
   * Returns which case this is.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the source's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the secret of a {@link Kind#PRESENT} input.
   *
   * @return the secret, empty for the other kinds
   */
  public Optional<SourceSecret> secret() {
    return Optional.ofNullable(secret);
  }

  /**
   * Returns the reason of an {@link Kind#UNREADABLE} input.
   *
   * @return the reason, empty for the other kinds
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceInput
        && kind == ((SourceInput) other).kind
        && name.equals(((SourceInput) other).name)
        && Objects.equals(secret, ((SourceInput) other).secret)
        && Objects.equals(reason, ((SourceInput) other).reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, secret, reason);
  }

  @Override
  public String toString() {
    switch (kind) {
      case PRESENT:
        return "present(" + secret + ")";
      case MISSING:
        return "missing(" + name + ")";
      default:
        return "unreadable(" + name + ", " + reason + ")";
    }
  }
}
