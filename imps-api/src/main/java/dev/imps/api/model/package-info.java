/**
 * The {@code images.banzaicloud.io/v1alpha1} {@code ImagePullSecret} resource as client-java beans.
 *
 * <p>Field names and JSON names are those of banzaicloud IMPS ({@code api/v1alpha1}), plus a few
 * optional fields imps adds ({@code spec.target.serviceAccounts}, {@code
 * status.observedGeneration}, {@code status.conditions}, {@code status.conflicts}). Where IMPS uses
 * {@code metav1} types the beans use client-java's ({@code V1ObjectMeta}, {@code V1LabelSelector},
 * {@code V1Condition}).
 *
 * <p>These are the only mutable types of imps: client-java's informers and Gson need beans. They
 * follow client-java's generated models: a public no-argument constructor, fluent setters named
 * after the field, {@code getX}/{@code setX}, {@code addXItem}/{@code putXItem} for collections,
 * and value {@code equals}/{@code hashCode}. They are not thread-safe. Serialise them with {@link
 * io.kubernetes.client.openapi.JSON}, which knows {@code OffsetDateTime}; a plain {@code Gson} does
 * not.
 */
package dev.imps.api.model;
