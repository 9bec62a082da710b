/** imps selector. */
package dev.imps.selector;
