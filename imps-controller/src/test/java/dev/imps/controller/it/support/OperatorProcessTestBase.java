package dev.imps.controller.it.support;

import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the operator as separate JVMs ({@link OperatorProcesses}) against the run's shared control
 * plane, for tests that kill, restart or run several operators; {@link OperatorTestBase} runs one
 * in-process operator instead.
 */
@EnableKubeControlPlane
public abstract class OperatorProcessTestBase {

  /** The operator processes of the running test, stopped after it. */
  @RegisterExtension protected final OperatorProcesses processes = new OperatorProcesses();

  /** The control plane. */
  protected KubeControlPlane kube;

  /** The cluster, as the admin. */
  protected TestCluster cluster;

  @BeforeEach
  void connect(KubeControlPlane kube) {
    this.kube = kube;
    this.cluster = new TestCluster(kube);
  }
}
