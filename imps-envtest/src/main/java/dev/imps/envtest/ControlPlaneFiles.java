package dev.imps.envtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The control plane's data folder: etcd's data, the generated serving certificate, the admin token
 * file, the service-account key, the kubeconfig, kubectl's cache and the logs. Created private to
 * the owner under the system temporary folder; {@link #delete()} removes all of it.
 */
final class ControlPlaneFiles {

  /** The admin user's name; its group {@code system:masters} bypasses RBAC. */
  static final String ADMIN_USER = "imps-envtest-admin";

  /** Data folders are {@code <java.io.tmpdir>/imps-envtest-<random>}. */
  static final String FOLDER_PREFIX = "imps-envtest-";

  /** Holds the pid of the JVM that owns the folder. */
  static final String OWNER_FILE = "owner.pid";

  private final Path root;

  private ControlPlaneFiles(Path root) {
    this.root = root;
  }

  /**
   * Creates a fresh data folder with the admin token file and the service-account key written.
   *
   * @param adminToken the bearer token the admin authenticates with
   * @return the files
   * @throws UncheckedIOException if the folder or a file cannot be written
   */
  static ControlPlaneFiles create(String adminToken) {
    try {
      Path root =
          Files.createTempDirectory(
              FOLDER_PREFIX,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      ControlPlaneFiles files = new ControlPlaneFiles(root);
      Files.writeString(files.ownerFile(), Long.toString(ProcessHandle.current().pid()));
      Files.createDirectories(files.certDirectory());
      Files.writeString(
          files.tokenFile(),
          adminToken + "," + ADMIN_USER + "," + ADMIN_USER + ",\"system:masters\"\n",
          StandardCharsets.UTF_8);
      Files.writeString(files.serviceAccountKey(), newRsaKeyPem(), StandardCharsets.US_ASCII);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the control plane's data folder", e);
    }
  }

  /**
   * Deletes the data folders of control planes whose JVM is gone without cleaning up (killed with
   * SIGKILL, so no shutdown hook ran; the guard already stopped their processes). etcd preallocates
   * its write-ahead log, so each such folder holds tens of megabytes.
   *
   * @param temporaryFolder where the data folders are created (the {@code java.io.tmpdir})
   * @return how many folders were deleted
   */
  static int deleteAbandoned(Path temporaryFolder) {
    int deleted = 0;
    try (DirectoryStream<Path> folders =
        Files.newDirectoryStream(temporaryFolder, FOLDER_PREFIX + "*")) {
      for (Path folder : folders) {
        Path owner = folder.resolve(OWNER_FILE);
        if (Files.isRegularFile(owner) && !isAlive(owner)) {
          new ControlPlaneFiles(folder).delete();
          deleted++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: another JVM may be cleaning up the same folder, or it is not ours.
    }
    return deleted;
  }

  private static boolean isAlive(Path ownerFile) throws IOException {
    try {
      long pid = Long.parseLong(Files.readString(ownerFile).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not written by us as expected: leave it alone
    }
  }

  /**
   * Returns a new random bearer token.
   *
   * @return 32 random bytes, base64url without padding
   */
  static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  Path root() {
    return root;
  }

  Path ownerFile() {
    return root.resolve(OWNER_FILE);
  }

  Path etcdData() {
    return root.resolve("etcd");
  }

  Path certDirectory() {
    return root.resolve("certs");
  }

  Path tokenFile() {
    return root.resolve("tokens.csv");
  }

  Path serviceAccountKey() {
    return root.resolve("service-account.key");
  }

  Path kubeconfig() {
    return root.resolve("kubeconfig");
  }

  Path kubectlCache() {
    return root.resolve("kubectl-cache");
  }

  Path log(String name) {
    return root.resolve(name + ".log");
  }

  /**
   * Writes the admin kubeconfig, for kubectl and for processes such as the operator.
   *
   * @param server the API server URL
   * @param certificateAuthority the file holding the certificates to trust
   * @param token the admin bearer token
   * @return the kubeconfig path
   * @throws UncheckedIOException if it cannot be written
   */
  Path writeKubeconfig(URI server, Path certificateAuthority, String token) {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: imps-envtest",
            "  cluster:",
            "    server: " + server,
            "    certificate-authority: " + certificateAuthority,
            "users:",
            "- name: " + ADMIN_USER,
            "  user:",
            "    token: " + token,
            "contexts:",
            "- name: imps-envtest",
            "  context:",
            "    cluster: imps-envtest",
            "    user: " + ADMIN_USER,
            "current-context: imps-envtest",
            "");
    try {
      return Files.writeString(kubeconfig(), yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kubeconfig(), e);
    }
  }

  /** Deletes the data folder and everything in it; files already gone are ignored. */
  void delete() {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure)
                throws IOException {
              Files.deleteIfExists(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  private static String newRsaKeyPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(pkcs8)
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM cannot generate RSA keys", e);
    }
  }
}
