/**
 * The {@code ImagePullSecret} custom resource ({@code images.banzaicloud.io/v1alpha1}): its names
 * and labels ({@link dev.imps.api.ApiConstants}) and its CRD YAML ({@link
 * dev.imps.api.CrdResource}).
 *
 * <p>The model lives in {@link dev.imps.api.model}; the translation of a spec into an {@code
 * imps-selector} namespace rule lives in {@link dev.imps.api.mapping}.
 */
package dev.imps.api;
