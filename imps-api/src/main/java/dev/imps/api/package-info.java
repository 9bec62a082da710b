/** imps api. */
package dev.imps.api;
