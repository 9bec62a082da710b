package dev.imps.controller.it.support;

import dev.imps.envtest.EnableKubeControlPlane;
import dev.imps.envtest.KubeControlPlane;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs one in-process operator (admin client, default settings) for the test class, against the
 * run's shared control plane.
 */
@EnableKubeControlPlane
public abstract class OperatorTestBase {

  /** How long "within seconds" may take on a busy two-core machine. */
  public static final Duration SOON = Duration.ofSeconds(20);

  /** The name of the source secret {@link #sourceNamespace(String)} creates. */
  protected static final String SOURCE = "docker-login";

  /** The registry of that source secret. */
  protected static final String REGISTRY = "registry.example.com";

  /** The cluster, as the admin. */
  protected static TestCluster cluster;

  /** The operator under test. */
  protected static RunningOperator operator;

  @BeforeAll
  static void startOperator(KubeControlPlane kube) {
    cluster = new TestCluster(kube);
    operator = RunningOperator.start(kube.adminClient()).awaitReconciling();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  /**
   * Creates a namespace holding one docker config source secret named {@code docker-login} for
   * {@code registry.example.com}.
   *
   * @param user the user in the login, to tell versions apart
   * @return the source namespace
   * @throws Exception if the API server refuses
   */
  protected static String sourceNamespace(String user) throws Exception {
    String namespace = cluster.namespace("registry-access");
    cluster.dockerConfigSecret(
        namespace, SOURCE, TestCluster.dockerConfig(REGISTRY, user, "pw-" + user));
    return namespace;
  }

  /**
   * Creates an {@code ImagePullSecret} with a unique name that copies the source secret {@link
   * #SOURCE} of a namespace into namespaces chosen by name.
   *
   * @param prefix the start of the object's name
   * @param sources the namespace of the source secret, as {@link #sourceNamespace(String)} made it
   * @param secretName the copies' name
   * @param namespaces the namespaces that get a copy
   * @return the object's name
   */
  protected static String createImagePullSecret(
      String prefix, String sources, String secretName, String... namespaces) {
    return cluster.createImagePullSecret(
        prefix, new SourceSecret(sources, SOURCE), secretName, namespaces);
  }

  /**
   * Creates or updates an {@code ImagePullSecret} that copies the source secret {@link #SOURCE} of
   * a namespace into namespaces chosen by name.
   *
   * @param name the object's name
   * @param sources the namespace of the source secret, as {@link #sourceNamespace(String)} made it
   * @param secretName the copies' name
   * @param namespaces the namespaces that get a copy
   */
  protected static void applyImagePullSecret(
      String name, String sources, String secretName, String... namespaces) {
    cluster.applyImagePullSecret(name, new SourceSecret(sources, SOURCE), secretName, namespaces);
  }

  /**
   * Starts an await that must hold within {@link #SOON}.
   *
   * @param what what is awaited, for the failure message
   * @return the await
   */
  protected static ConditionFactory soon(String what) {
    return Awaitility.await(what).atMost(SOON).pollInterval(Duration.ofMillis(100));
  }

  /**
   * Starts an await that must hold at every poll for a whole window: how absence (nothing written,
   * nothing reconciled) is asserted, instead of sleeping and looking once.
   *
   * @param what what must keep holding, for the failure message
   * @param window how long it must hold
   * @return the await
   */
  protected static ConditionFactory throughout(String what, Duration window) {
    return Awaitility.await(what)
        .during(window)
        .atMost(window.plus(SOON))
        .pollInterval(Duration.ofMillis(200));
  }
}
