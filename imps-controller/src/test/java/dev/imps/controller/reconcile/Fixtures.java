package dev.imps.controller.reconcile;

import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import dev.imps.api.model.NamespaceSelectorConfiguration;
import dev.imps.api.model.NamespacedName;
import dev.imps.api.model.ObjectSelectorConfiguration;
import dev.imps.api.model.RegistryConfig;
import dev.imps.api.model.ServiceAccountsConfig;
import dev.imps.api.model.TargetConfig;
import dev.imps.api.model.TargetSecretConfig;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.docker.StaticCredentialProvider;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Objects the reconcile tests build again and again. */
final class Fixtures {

  static final String PASSWORD = "s3cr3t-pa55w0rd";
  static final String SOURCE_NAMESPACE = "registry-access";
  static final String SOURCE_NAME = "creds";
  static final String TARGET = "pull-secret";
  static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

  private Fixtures() {}

  /** An ImagePullSecret that copies registry-access/creds as pull-secret into named namespaces. */
  static ImagePullSecret crForNames(String name, String uid, Instant created, String... names) {
    return cr(name, uid, created, target(TARGET).namespaces(namespaces(names)));
  }

  static ImagePullSecret cr(String name, String uid, Instant created, TargetConfig target) {
    return new ImagePullSecret()
        .metadata(
            new V1ObjectMeta()
                .name(name)
                .uid(uid)
                .generation(1L)
                .creationTimestamp(OffsetDateTime.ofInstant(created, ZoneOffset.UTC)))
        .spec(
            new ImagePullSecretSpec()
                .registry(
                    new RegistryConfig()
                        .addCredentialsItem(
                            new NamespacedName().namespace(SOURCE_NAMESPACE).name(SOURCE_NAME)))
                .target(target));
  }

  static TargetConfig target(String secretName) {
    return new TargetConfig().secret(new TargetSecretConfig().name(secretName));
  }

  static NamespaceSelectorConfiguration namespaces(String... names) {
    return new NamespaceSelectorConfiguration().names(List.of(names));
  }

  static NamespaceSelectorConfiguration namespacesLabelled(Map<String, String> labels) {
    return new NamespaceSelectorConfiguration()
        .addLabelsItem(new V1LabelSelector().matchLabels(labels));
  }

  static ObjectSelectorConfiguration podsLabelled(Map<String, String> labels) {
    return new ObjectSelectorConfiguration()
        .addLabelsItem(new V1LabelSelector().matchLabels(labels));
  }

  static ServiceAccountsConfig serviceAccounts(String... names) {
    return new ServiceAccountsConfig().names(List.of(names));
  }

  /** A {@code kubernetes.io/dockerconfigjson} source with one registry. */
  static SecretSnapshot dockerSource(String namespace, String name, String registry, String user) {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String json = "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}";
    return SecretSnapshot.builder(namespace, name)
        .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
        .data(Map.of(ReconcileConstants.DOCKER_CONFIG_JSON_KEY, utf8(json)))
        .build();
  }

  static SecretSnapshot source() {
    return dockerSource(SOURCE_NAMESPACE, SOURCE_NAME, "registry.example.com", "robot");
  }

  static SecretSnapshot malformedSource() {
    return SecretSnapshot.builder(SOURCE_NAMESPACE, SOURCE_NAME)
        .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
        .data(Map.of(ReconcileConstants.DOCKER_CONFIG_JSON_KEY, utf8("{not json")))
        .build();
  }

  static CredentialProviders providers() {
    return CredentialProviders.of(new StaticCredentialProvider());
  }

  /**
   * A reconciler reading and writing the fake cluster with the static provider; callers add what
   * their test needs (a clock, executors) before {@code build()}.
   */
  static Reconciler.Builder reconcilerOn(FakeCluster cluster) {
    return Reconciler.builder()
        .clusterState(cluster)
        .clusterActions(cluster)
        .credentialProviders(providers());
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
