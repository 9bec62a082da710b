/**
 * JMH microbenchmarks of the pure libraries: selector evaluation (100 CRs × 10 000 namespaces × 10
 * labels) and rendering a merged docker config from 20 sources, with their seeded workloads.
 */
package dev.imps.benchmarks.micro;
