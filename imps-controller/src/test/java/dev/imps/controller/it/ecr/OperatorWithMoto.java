package dev.imps.controller.it.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.RunningOperator;
import dev.imps.controller.it.support.SourceSecret;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.envtest.KubeControlPlane;
import dev.imps.envtest.KubeControlPlaneExtension;
import dev.imps.testsupport.moto.MotoServer;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * moto (AWS on 127.0.0.1) and an in-process operator whose ECR and STS calls go there, started
 * before a test class on the run's shared control plane and stopped after it (the operator first).
 * Register it on a static field with {@code @RegisterExtension}.
 */
final class OperatorWithMoto implements BeforeAllCallback {

  /** The ECR registry of moto's account in {@code eu-central-1}. */
  static final String REGISTRY = MotoServer.DEFAULT_ACCOUNT + ".dkr.ecr.eu-central-1.amazonaws.com";

  /** The name of the source secret {@link #copyEcrSource} creates. */
  static final String SOURCE = "ecr-login";

  /** The name of the copies {@link #copyEcrSource} makes. */
  static final String COPY = "ecr-pull-secret";

  private final Supplier<MotoServer> startMoto;
  private MotoServer moto;
  private TestCluster cluster;
  private RunningOperator operator;

  private OperatorWithMoto(Supplier<MotoServer> startMoto) {
    this.startMoto = startMoto;
  }

  /**
   * moto with its default token validity.
   *
   * @return the extension
   */
  static OperatorWithMoto withDefaultTokens() {
    return new OperatorWithMoto(MotoServer::start);
  }

  /**
   * moto whose ECR tokens expire after the given time.
   *
   * @param validity how long a token is valid
   * @return the extension
   */
  static OperatorWithMoto withTokensValidFor(Duration validity) {
    return new OperatorWithMoto(() -> MotoServer.start(validity));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    KubeControlPlane kube = KubeControlPlaneExtension.controlPlane(context);
    // JUnit closes what the class's store holds after the class, the last put first.
    ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.create(getClass()));
    moto = startMoto.get();
    store.put(MotoServer.class, moto);
    cluster = new TestCluster(kube);
    operator = RunningOperator.start(kube.adminClient(), settings -> settings, moto.endpoint());
    store.put(RunningOperator.class, operator);
    operator.awaitReconciling();
  }

  MotoServer moto() {
    return moto;
  }

  TestCluster cluster() {
    return cluster;
  }

  RunningOperator operator() {
    return operator;
  }

  /**
   * An {@code ImagePullSecret} that copies an ECR source into one namespace.
   *
   * @param name the object's name
   * @param source the ECR source secret
   * @param target the namespace of the copy, {@link #COPY}
   */
  record EcrCopy(String name, SourceSecret source, String target) {}

  /**
   * Creates an ECR login config secret named {@link #SOURCE} for moto's account in {@code
   * eu-central-1} and an object that copies it into a new namespace as {@link #COPY}, and waits
   * until the copy holds moto's registry.
   *
   * @param prefix the start of the names of the object and its namespaces
   * @param type the source secret's type
   * @param accessKeyId the access key id
   * @param secretKey the secret access key
   * @return the object
   * @throws ApiException if the API server refuses
   */
  EcrCopy copyEcrSource(String prefix, String type, String accessKeyId, String secretKey)
      throws ApiException {
    SourceSecret source = new SourceSecret(cluster.namespace(prefix + "-sources"), SOURCE);
    cluster.putSecret(
        source.namespace(),
        source.name(),
        type,
        Map.of(
            "accessKeyID",
            accessKeyId,
            "secretKey",
            secretKey,
            "region",
            "eu-central-1",
            "accountID",
            MotoServer.DEFAULT_ACCOUNT),
        Map.of());
    String target = cluster.namespace(prefix + "-target");
    String name = cluster.createImagePullSecret("imps-" + prefix, source, COPY, target);
    Awaitility.await("a copy with the ECR login")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(cluster.dockerConfigOf(target, COPY))
                    .hasValueSatisfying(config -> assertThat(config).contains(REGISTRY)));
    return new EcrCopy(name, source, target);
  }
}
