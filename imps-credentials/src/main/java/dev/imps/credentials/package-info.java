/** imps credentials. */
package dev.imps.credentials;
