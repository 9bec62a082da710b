/**
 * The API server's own view of what clients asked: {@code apiserver_request_total} read from its
 * {@code /metrics} ({@link dev.imps.envtest.metrics.ApiServerRequests}), parsed from the Prometheus
 * text format ({@link dev.imps.envtest.metrics.PrometheusText}). Shared by the controller's
 * integration tests and the benchmarks, so "imps wrote nothing" never rests on imps's own counters.
 */
package dev.imps.envtest.metrics;
