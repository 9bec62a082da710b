package dev.imps.controller.reconcile;

/**
 * Which status fields the installed CRD's schema keeps. imps's own CRD keeps every field;
 * banzaicloud IMPS's original CRD, which users migrating may still have, lacks {@code
 * observedGeneration}, {@code conditions} and {@code conflicts}, so the API server prunes them and
 * the stored status never equals the desired one. Statuses are compared only on what the store
 * keeps, so an idle pass writes nothing on either CRD.
 */
public enum StoredStatusFields {
  /** Every field imps writes is stored (imps's CRD). */
  ALL,
  /** Only the fields of IMPS's original status are stored. */
  IMPS_ONLY
}
