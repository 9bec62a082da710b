/**
 * The benchmarks on a real control plane (etcd + kube-apiserver on 127.0.0.1) with the operator as
 * a separate JVM: convergence against the tight-loop limit, latency, API cost of no-op resyncs and
 * memory, plus what they share (parallel requests, a watch that times copies, the API server's
 * request counts, process memory).
 */
package dev.imps.benchmarks.cluster;
