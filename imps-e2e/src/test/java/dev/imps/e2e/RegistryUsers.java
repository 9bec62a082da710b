package dev.imps.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Logins of the node's registry: its htpasswd file, which the registry reads again when the file's
 * modification time changes. bcrypt hashes come from the C library through perl, as in {@code
 * scripts/test-node.sh}.
 */
final class RegistryUsers {

  private static final String SALT_ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final NodeEnvironment node;

  RegistryUsers(NodeEnvironment node) {
    this.node = node;
  }

  /**
   * Adds a login, or replaces its password; the old password is refused from then on.
   *
   * @param user the login (not the node's main one)
   * @param password its new password
   */
  synchronized void set(String user, String password) {
    if (user.equals(node.registryUser())) {
      throw new IllegalArgumentException("the node's own login " + user + " must not change");
    }
    Path file = node.htpasswd();
    try {
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.startsWith(user + ":")) {
          lines.add(line);
        }
      }
      lines.add(user + ":" + bcrypt(password));
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.write(next, lines, StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file, e);
    }
  }

  /**
   * Asks the registry whether it accepts a login ({@code GET /v2/} with basic authentication).
   *
   * @param user the login
   * @param password the password
   * @return the HTTP status: 200 accepted, 401 refused
   */
  int status(String user, String password) {
    HttpClient client =
        HttpClient.newBuilder().sslContext(RegistryAuthProxy.trusting(node.caFile())).build();
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://" + node.registry() + "/v2/"))
            .header("Authorization", "Basic " + basic)
            .timeout(Duration.ofSeconds(20))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the registry at " + node.registry(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String bcrypt(String password) {
    SecureRandom random = new SecureRandom();
    StringBuilder salt = new StringBuilder("$2b$10$");
    for (int i = 0; i < 22; i++) {
      salt.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
    }
    String hash =
        Commands.run(
                List.of("perl", "-e", "print crypt($ARGV[0], $ARGV[1])", password, salt.toString()),
                null,
                List.of(),
                Duration.ofSeconds(30))
            .strip();
    if (!hash.startsWith("$2b$10$")) {
      throw new IllegalStateException("this C library's crypt() has no bcrypt");
    }
    return hash;
  }
}
