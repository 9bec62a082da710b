/**
 * A test kit for the {@code ImagePullSecret}s of a GitOps repository: plan the manifests of a
 * folder with {@link dev.imps.testing.ImpsPlan#of(java.nio.file.Path...)} and assert what the
 * operator would do with {@link dev.imps.testing.ImpsAssertions#assertThat(ImpsPlan)}.
 *
 * <p>The plan is made by {@code imps plan}'s own code ({@code dev.imps.controller.plan}), which
 * runs the operator's reconcile planner: the selection, the clause that selected each namespace,
 * conflicts and spec validation are the operator's, not a copy. Nothing touches a cluster or AWS
 * (ECR sources are not resolved).
 */
package dev.imps.testing;
