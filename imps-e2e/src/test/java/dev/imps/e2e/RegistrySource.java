package dev.imps.e2e;

import java.util.UUID;

/**
 * One test's own source of registry credentials: the namespace {@code src-<token>} holding a login
 * of the node's registry as {@link ImagePullSecrets#SOURCE}, and the ImagePullSecrets that copy it.
 * The token is unique, so tests that run one after another on the same node never share objects.
 */
final class RegistrySource {

  private final ImagePullSecrets imagePullSecrets;
  private final String token;

  private RegistrySource(ImagePullSecrets imagePullSecrets, String token) {
    this.imagePullSecrets = imagePullSecrets;
    this.token = token;
  }

  /**
   * Creates a source with a new token and the node's registry login.
   *
   * @param node the node
   * @return the source, its namespace and secret created
   */
  static RegistrySource create(TestNode node) {
    return create(node, newToken(), node.environment().registryPassword());
  }

  /**
   * Creates a source.
   *
   * @param node the node
   * @param token the token in its namespace's name
   * @param password the password the source secret holds for the registry's user
   * @return the source, its namespace and secret created
   */
  static RegistrySource create(TestNode node, String token, String password) {
    RegistrySource source = new RegistrySource(new ImagePullSecrets(node), token);
    Pods pods = new Pods(node);
    pods.createNamespace(source.namespace());
    pods.createRegistrySecret(source.namespace(), ImagePullSecrets.SOURCE, password);
    return source;
  }

  /**
   * A unique lower-case token for names, labels and annotations. It starts with a letter, so YAML
   * never reads it as a number (a token of digits only made a label value an integer).
   *
   * @return {@code t} and seven hexadecimal digits
   */
  static String newToken() {
    return "t" + UUID.randomUUID().toString().substring(0, 7);
  }

  /**
   * Returns this source's token.
   *
   * @return the token in its namespace's name
   */
  String token() {
    return token;
  }

  /**
   * Returns the namespace of the source secret.
   *
   * @return {@code src-<token>}
   */
  String namespace() {
    return name("src");
  }

  /**
   * Returns a name of this test's, unique as the token is.
   *
   * @param prefix what the name says
   * @return {@code <prefix>-<token>}
   */
  String name(String prefix) {
    return prefix + "-" + token;
  }

  /**
   * Applies an ImagePullSecret that copies this source as {@link ImagePullSecrets#TARGET}.
   *
   * @param name the ImagePullSecret's name
   * @param targetYaml the rest of {@code spec.target} ({@link ImagePullSecrets#apply})
   */
  void copyTo(String name, String targetYaml) {
    imagePullSecrets.apply(name, namespace(), targetYaml);
  }

  /**
   * Applies an ImagePullSecret that copies this source as {@link ImagePullSecrets#TARGET} into the
   * namespaces named.
   *
   * @param name the ImagePullSecret's name
   * @param namespaces the namespaces it selects by name
   */
  void copyToNamespaces(String name, String... namespaces) {
    imagePullSecrets.applyToNamespaces(name, namespace(), namespaces);
  }
}
