/**
 * {@code imps plan}: what the operator would do, without doing it.
 *
 * <p>The input is YAML or JSON documents (files, folders, or the examples embedded in the jar:
 * Namespaces, Pods, Secrets, ServiceAccounts and ImagePullSecrets, also inside {@code List}
 * documents as {@code kubectl get -o yaml} prints them), or a live cluster read once with LIST and
 * GET ({@code --kubeconfig}; nothing is ever written). Both become the same {@link
 * dev.imps.controller.plan.ClusterObjects}: {@link dev.imps.controller.plan.ManifestReader} and
 * {@link dev.imps.controller.plan.LiveClusterReader} feed the same {@link
 * dev.imps.controller.plan.ObjectDecoder}, so a live object and a file object are checked alike.
 * {@link dev.imps.controller.plan.SnapshotClusterState} serves them to the reconciler's own {@link
 * dev.imps.controller.reconcile.ReconcilePlanner}; {@link dev.imps.controller.plan.ClusterPlanner}
 * runs it for every {@code ImagePullSecret} and builds a {@link
 * dev.imps.controller.plan.PlanReport}, which {@link dev.imps.controller.plan.PlanOutput} prints as
 * a table, JSON or YAML.
 *
 * <p>Secrets stay secret: the report carries the rendered docker config only through {@link
 * dev.imps.controller.plan.RedactedDockerConfig}, which replaces every {@code password}, {@code
 * auth}, {@code identitytoken} and {@code registrytoken} with {@value
 * dev.imps.controller.plan.RedactedDockerConfig#REDACTED}, and input errors name a file, document
 * and field but never a value. ECR sources are not resolved unless asked ({@code --resolve}):
 * {@link dev.imps.controller.plan.UnresolvedEcrProvider} stands in for ECR and calls nothing.
 */
package dev.imps.controller.plan;
