/**
 * From an {@code ImagePullSecret} spec to what the controller acts on, checking everything the CRD
 * schema checks and more: an old IMPS CRD without imps's schema may still be installed.
 *
 * <p>{@link dev.imps.api.mapping.NamespaceRuleMapper} turns {@code spec.target} into an {@code
 * imps-selector} {@link dev.imps.selector.NamespaceRule}; {@link
 * dev.imps.api.mapping.SpecValidator} checks the whole spec. Both report every problem at once as
 * {@link dev.imps.api.mapping.SpecError}s that name the field path, for example {@code
 * spec.target.namespaces.labels[1].matchExpressions[0].operator}. A spec holds references to
 * secrets, never their values, so messages may quote it.
 */
package dev.imps.api.mapping;
