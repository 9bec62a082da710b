/**
 * A real etcd and kube-apiserver on loopback for integration tests.
 *
 * <p>{@link dev.imps.envtest.KubeControlPlane} runs the binaries that {@link
 * dev.imps.envtest.KubeBinaries} finds ({@code KUBEBUILDER_ASSETS} or the cache that {@code
 * scripts/k8s-binaries.sh} fills); {@link dev.imps.envtest.EnableKubeControlPlane} shares one per
 * test run with the imps CRD installed. This module is test support: other modules use it at test
 * scope only.
 */
package dev.imps.envtest;
