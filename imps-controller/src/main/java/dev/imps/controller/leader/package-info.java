/** Leader election on a Lease, so one replica of the operator writes at a time. */
package dev.imps.controller.leader;
