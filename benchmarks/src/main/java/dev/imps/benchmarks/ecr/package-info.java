/**
 * The ECR benchmark: GetAuthorizationToken calls per credential over a simulated day, with
 * imps-credentials' token cache on a moved clock against moto, whose token expiry moves with it.
 */
package dev.imps.benchmarks.ecr;
