/** Time for tests: {@link dev.imps.testsupport.time.MovableClock}, a clock tests move by hand. */
package dev.imps.testsupport.time;
