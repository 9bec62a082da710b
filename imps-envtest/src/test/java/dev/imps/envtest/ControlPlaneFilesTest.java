package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneFilesTest {

  @Test
  void the_data_folder_is_private_and_holds_the_token_file_and_an_rsa_key() throws Exception {
    ControlPlaneFiles files = ControlPlaneFiles.create("the-token");
    try {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.root())))
          .isEqualTo("rwx------");
      assertThat(Files.readString(files.tokenFile()))
          .isEqualTo("the-token,imps-envtest-admin,imps-envtest-admin,\"system:masters\"\n");
      String pem = Files.readString(files.serviceAccountKey());
      assertThat(pem)
          .startsWith("-----BEGIN PRIVATE KEY-----\n")
          .endsWith("-----END PRIVATE KEY-----\n");
      byte[] der =
          Base64.getMimeDecoder()
              .decode(
                  pem.replace("-----BEGIN PRIVATE KEY-----", "")
                      .replace("-----END PRIVATE KEY-----", ""));
      RSAPrivateCrtKey key =
          (RSAPrivateCrtKey)
              KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      assertThat(key.getModulus().bitLength()).isEqualTo(2048);
      assertThat(files.certDirectory()).isDirectory();
    } finally {
      files.delete();
    }
  }

  @Test
  void delete_removes_the_folder_with_everything_in_it() throws Exception {
    ControlPlaneFiles files = ControlPlaneFiles.create("t");
    Files.createDirectories(files.etcdData().resolve("member/wal"));
    Files.writeString(files.etcdData().resolve("member/wal/0.wal"), "x");
    files.writeKubeconfig(
        URI.create("https://127.0.0.1:1"), files.certDirectory().resolve("ca"), "t");

    files.delete();

    assertThat(files.root()).doesNotExist();
  }

  @Test
  void the_kubeconfig_points_at_the_server_with_the_admin_token() throws Exception {
    ControlPlaneFiles files = ControlPlaneFiles.create("admin-token");
    try {
      Path ca = files.certDirectory().resolve("apiserver.crt");

      String kubeconfig =
          Files.readString(
              files.writeKubeconfig(URI.create("https://127.0.0.1:6443"), ca, "admin-token"));

      assertThat(kubeconfig)
          .contains("server: https://127.0.0.1:6443")
          .contains("certificate-authority: " + ca)
          .contains("token: admin-token")
          .contains("current-context: imps-envtest");
    } finally {
      files.delete();
    }
  }

  @Test
  void folders_of_dead_jvms_are_deleted_and_folders_of_live_ones_kept(@TempDir Path temp)
      throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path dead = ownedFolder(temp, "imps-envtest-dead", finished.pid());
    Path live = ownedFolder(temp, "imps-envtest-live", ProcessHandle.current().pid());
    Path foreign = Files.createDirectories(temp.resolve("imps-envtest-without-owner"));
    Path other = ownedFolder(temp, "other-dead", finished.pid());

    int deleted = ControlPlaneFiles.deleteAbandoned(temp);

    assertThat(deleted).isEqualTo(1);
    assertThat(dead).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(foreign).isDirectory();
    assertThat(other).isDirectory();
  }

  private static Path ownedFolder(Path parent, String name, long pid) throws Exception {
    Path folder = Files.createDirectories(parent.resolve(name).resolve("etcd/member"));
    Files.writeString(folder.resolve("db"), "x");
    Files.writeString(
        parent.resolve(name).resolve(ControlPlaneFiles.OWNER_FILE), Long.toString(pid));
    return parent.resolve(name);
  }

  @Test
  void new_tokens_are_long_random_and_url_safe() {
    String first = ControlPlaneFiles.newToken();

    assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(ControlPlaneFiles.newToken()).isNotEqualTo(first);
  }
}
