package dev.imps.e2e;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link TestNode}, the imps release installed on it ({@link ImpsRelease}), and the
 * helpers that work on the node ({@link Pods}, {@link ImagePullSecrets}, and a new {@link
 * RegistrySource} for each parameter): one node per test JVM, started on first use and stopped by
 * JUnit at the end of the run (root store), like imps-envtest's control plane.
 *
 * <p>System properties (set by the module's failsafe configuration): {@code imps.repository.root},
 * the checkout; {@code imps.e2e.work}, the node's work folder; {@code imps.e2e.image.tar}, the
 * operator image jib built.
 */
public final class TestNodeExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestNodeExtension.class);

  private static final Map<Class<?>, Function<TestNode, Object>> HELPERS =
      Map.of(
          Pods.class, Pods::new,
          ImagePullSecrets.class, ImagePullSecrets::new,
          RegistrySource.class, RegistrySource::create);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestNode.class || type == ImpsRelease.class || HELPERS.containsKey(type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    NodeResource node =
        store.getOrComputeIfAbsent(
            NodeResource.class,
            key -> new NodeResource(TestNode.start(repositoryRoot(), workDirectory())),
            NodeResource.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == TestNode.class) {
      return node.node();
    }
    if (HELPERS.containsKey(type)) {
      return HELPERS.get(type).apply(node.node());
    }
    return store.getOrComputeIfAbsent(
        ImpsRelease.class,
        key ->
            ImpsRelease.install(
                node.node(), repositoryRoot(), Path.of(property("imps.e2e.image.tar"))),
        ImpsRelease.class);
  }

  static Path repositoryRoot() {
    return Path.of(property("imps.repository.root")).toAbsolutePath().normalize();
  }

  private static Path workDirectory() {
    return Path.of(property("imps.e2e.work")).toAbsolutePath().normalize();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set (the imps-e2e failsafe configuration sets it)");
    }
    return value;
  }

  /** Stops the node when JUnit closes the root store. */
  private record NodeResource(TestNode node)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      node.close();
    }
  }
}
