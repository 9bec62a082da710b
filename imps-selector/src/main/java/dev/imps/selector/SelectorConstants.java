package dev.imps.selector;

/** The limits and clause names of this module, in one place. */
final class SelectorConstants {

  /** Longest name part of a qualified name (label or annotation key), in characters. */
  static final int MAX_NAME_LENGTH = 63;

  /** Longest DNS-1123 subdomain, which is the optional prefix of a qualified name. */
  static final int MAX_PREFIX_LENGTH = 253;

  /** Longest label value. */
  static final int MAX_LABEL_VALUE_LENGTH = 63;

  /** Longest piece of user input quoted verbatim in an exception message. */
  static final int MAX_QUOTED_LENGTH = 100;

  /** Clause name of the list of namespace names. */
  static final String CLAUSE_NAMES = "names";

  /** Clause name of the namespace label selectors. */
  static final String CLAUSE_NAMESPACE_LABELS = "namespaces.labels";

  /** Clause name of the namespace annotation selectors. */
  static final String CLAUSE_NAMESPACE_ANNOTATIONS = "namespaces.annotations";

  /** Clause name of the pod label selectors. */
  static final String CLAUSE_POD_LABELS = "namespacesWithPods.labels";

  /** Clause name of the pod annotation selectors. */
  static final String CLAUSE_POD_ANNOTATIONS = "namespacesWithPods.annotations";

  /** Joins a pod clause to the pod that satisfied it. */
  static final String VIA_POD = " via pod ";

  private SelectorConstants() {}
}
