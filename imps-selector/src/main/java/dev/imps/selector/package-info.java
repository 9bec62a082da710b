/**
 * Kubernetes label and annotation selectors and the IMPS namespace rule.
 *
 * <p>{@link dev.imps.selector.LabelSelector} parses and matches the selector syntax of {@code
 * kubectl get -l} exactly like apimachinery's {@code labels.Parse}, and also builds selectors from
 * the {@code metav1.LabelSelector} form. {@link dev.imps.selector.AnnotationSelector} applies the
 * same operators to annotations, whose values are arbitrary strings. {@link
 * dev.imps.selector.NamespaceRule} evaluates the IMPS rule (names, namespace labels and
 * annotations, pods in the namespace) against plain views ({@link dev.imps.selector.NamespaceView},
 * {@link dev.imps.selector.PodView}) and returns a {@link dev.imps.selector.Decision} that says
 * which clause matched.
 *
 * <p>The package has no runtime dependencies and knows no Kubernetes client. All its values are
 * immutable and safe to share between threads.
 */
package dev.imps.selector;
