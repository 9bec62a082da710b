package dev.imps.controller.it.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts operator processes for one test and stops every one of them after it (SIGTERM, by force
 * after 20 s), whether the test passed, failed or stopped them itself. Register it on an instance
 * field with {@code @RegisterExtension}.
 */
public final class OperatorProcesses implements AfterEachCallback {

  private final List<OperatorProcess> started = new ArrayList<>();

  /** Creates the extension; a test class registers one. */
  public OperatorProcesses() {}

  /**
   * Starts {@code imps controller} with the given flags, see {@link OperatorProcess#start}.
   *
   * @param name the pod name it reports ({@code POD_NAME}), the start of its identity
   * @param kubeconfig the kubeconfig it uses
   * @param flags more flags of the controller command
   * @return the running process, stopped after the test
   */
  public OperatorProcess start(String name, Path kubeconfig, String... flags) {
    OperatorProcess process = OperatorProcess.start(name, kubeconfig, flags);
    started.add(process);
    return process;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // Stopping one that has ended already (killed, exited, or closed by the test) does nothing.
    started.forEach(OperatorProcess::close);
    started.clear();
  }
}
