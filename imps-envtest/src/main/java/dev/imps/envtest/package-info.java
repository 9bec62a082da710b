/** A real etcd and kube-apiserver on loopback for integration tests. */
package dev.imps.envtest;
