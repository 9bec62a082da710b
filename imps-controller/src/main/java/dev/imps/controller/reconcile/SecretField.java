package dev.imps.controller.reconcile;

/** A part of a Secret in which a copy can differ from what imps wants it to be. */
public enum SecretField {
  /** The {@code type}; immutable in Kubernetes, so a difference means delete and create. */
  TYPE,
  /** The {@code data}, compared as canonical bytes. */
  DATA,
  /** The labels, including the owner label. */
  LABELS,
  /** The annotations. */
  ANNOTATIONS,
  /** The owner reference to the {@code ImagePullSecret}. */
  OWNER_REFERENCE
}
