/**
 * The results: figures summarised over several runs (median, min, max), compared with the API
 * server's limit and the targets, rendered as a console table and as Markdown.
 */
package dev.imps.benchmarks.report;
