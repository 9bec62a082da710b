package dev.imps.envtest;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.net.HttpURLConnection;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Creates namespaces with unique names, so tests sharing one control plane never collide. */
final class Namespaces {

  /** Longest prefix: a namespace name has at most 63 characters and the suffix takes 7. */
  static final int MAX_PREFIX_LENGTH = 50;

  private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SUFFIX_LENGTH = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Namespaces() {}

  /**
   * Returns {@code prefix-xxxxxx} with a random suffix of lower-case letters and digits.
   *
   * @param prefix the start of the name
   * @return a valid namespace name
   * @throws IllegalArgumentException if {@code prefix} cannot start a namespace name
   */
  static String uniqueName(String prefix) {
    if (prefix == null
        || prefix.length() > MAX_PREFIX_LENGTH
        || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "namespace prefix \""
              + prefix
              + "\" must be 1 to "
              + MAX_PREFIX_LENGTH
              + " lower-case letters, digits or '-', starting and ending with a letter or digit");
    }
    StringBuilder name = new StringBuilder(prefix).append('-');
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }

  /**
   * Creates a namespace named {@link #uniqueName(String)}, retrying on the unlikely name clash.
   *
   * @param admin a client allowed to create namespaces
   * @param prefix the start of the name
   * @return the created namespace's name
   * @throws ApiException if the API server rejects it
   */
  static String createUnique(ApiClient admin, String prefix) throws ApiException {
    CoreV1Api core = new CoreV1Api(admin);
    for (int attempt = 1; ; attempt++) {
      String name = uniqueName(prefix);
      try {
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name))).execute();
        return name;
      } catch (ApiException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Creates the namespace unless it exists.
   *
   * @param admin a client allowed to create namespaces
   * @param name the namespace's name
   * @throws ApiException if the API server rejects it for another reason than existing
   */
  static void ensure(ApiClient admin, String name) throws ApiException {
    try {
      new CoreV1Api(admin)
          .createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name)))
          .execute();
    } catch (ApiException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }
}
