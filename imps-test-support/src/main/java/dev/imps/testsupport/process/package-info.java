/**
 * Child processes for tests and benchmarks: a command run to completion with its output captured
 * ({@link dev.imps.testsupport.process.Command}), a long-running process with its log in a file and
 * a graceful stop ({@link dev.imps.testsupport.process.LoggedProcess}), and kubectl with a given
 * kubeconfig ({@link dev.imps.testsupport.process.Kubectl}).
 */
package dev.imps.testsupport.process;
