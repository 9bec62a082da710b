/**
 * The command line of {@code imps.jar}: {@code controller} (default) and {@code refresh}, with
 * IMPS's flags, and logging setup (plain or JSON lines).
 */
package dev.imps.controller.cli;
