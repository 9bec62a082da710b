/**
 * Prometheus metrics of the operator and its HTTP endpoints ({@code /metrics}, {@code /healthz},
 * {@code /readyz}).
 */
package dev.imps.controller.metrics;
