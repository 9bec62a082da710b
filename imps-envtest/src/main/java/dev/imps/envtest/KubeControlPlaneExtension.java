package dev.imps.envtest;

import io.kubernetes.client.openapi.ApiException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a {@link KubeControlPlane} with the imps CRD installed.
 *
 * <p>One control plane serves the whole test run (all classes in one JVM): it is started by the
 * first class that needs it, kept in the root {@link ExtensionContext.Store}, and closed by JUnit
 * when the run ends. Test classes isolate by unique namespaces ({@link
 * KubeControlPlane#createNamespace(String)}). Tests receive it as a parameter of a constructor, a
 * {@code @BeforeAll}/{@code @BeforeEach} method or a test method:
 *
 * <pre>{@code
 * @EnableKubeControlPlane
 * class SomethingIT {
 *   @Test
 *   void works(KubeControlPlane kube) throws Exception {
 *     String namespace = kube.createNamespace("something");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>If the binaries are missing or the control plane fails to start, every test that needs it
 * fails with the reason (for missing binaries: how to provide them); nothing is skipped. A failed
 * start is remembered so later classes fail at once instead of trying again.
 */
public final class KubeControlPlaneExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubeControlPlaneExtension.class);

  /** Creates the extension; JUnit calls this. */
  public KubeControlPlaneExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    controlPlane(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KubeControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return controlPlane(context);
  }

  /**
   * Returns the run's shared control plane, starting it on first use.
   *
   * @param context any extension context of the run
   * @return the running control plane with the imps CRD installed
   * @throws IllegalStateException if it cannot be started (also on every later call)
   */
  public static KubeControlPlane controlPlane(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SharedControlPlane.class, key -> SharedControlPlane.start(), SharedControlPlane.class)
        .get();
  }

  /** The outcome of the one start attempt: the control plane, or why it failed. */
  private static final class SharedControlPlane implements AutoCloseable {

    private final KubeControlPlane plane;
    private final RuntimeException failure;

    private SharedControlPlane(KubeControlPlane plane, RuntimeException failure) {
      this.plane = plane;
      this.failure = failure;
    }

    static SharedControlPlane start() {
      KubeControlPlane plane = null;
      try {
        plane = KubeControlPlane.start();
        plane.installImpsCrd();
        return new SharedControlPlane(plane, null);
      } catch (RuntimeException | ApiException e) {
        if (plane != null) {
          plane.close();
        }
        return new SharedControlPlane(
            null,
            e instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("cannot install the imps CRD", e));
      }
    }

    KubeControlPlane get() {
      if (failure != null) {
        throw new IllegalStateException(
            "the shared kube control plane is unavailable: " + failure.getMessage(), failure);
      }
      return plane;
    }

    @Override
    public void close() {
      if (plane != null) {
        plane.close();
      }
    }
  }
}
