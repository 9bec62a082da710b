/**
 * imps's benchmarks ({@code scripts/bench.sh}): the command that runs the phases, prints the table
 * and writes the dated results file. Not published.
 */
package dev.imps.benchmarks;
