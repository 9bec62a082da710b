package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeBinariesTest {

  @TempDir Path temp;

  @Test
  void kubebuilder_assets_wins_over_the_cache() throws IOException {
    Path assets = binariesIn(temp.resolve("assets"), KubeBinaries.NAMES);
    binariesIn(temp.resolve("cache/imps/k8s/v1.34.4"), KubeBinaries.NAMES);

    KubeBinaries found =
        KubeBinaries.locate(
            Map.of("KUBEBUILDER_ASSETS", assets.toString(), "XDG_CACHE_HOME", temp + "/cache"));

    assertThat(found.directory()).isEqualTo(assets);
    assertThat(found.etcd()).isEqualTo(assets.resolve("etcd"));
    assertThat(found.kubeApiServer()).isEqualTo(assets.resolve("kube-apiserver"));
    assertThat(found.kubectl()).isEqualTo(assets.resolve("kubectl"));
  }

  @Test
  void kubebuilder_assets_lacking_a_binary_fails_naming_the_variable_and_the_binary()
      throws IOException {
    Path assets = binariesIn(temp.resolve("assets"), List.of("etcd", "kubectl"));
    binariesIn(temp.resolve("cache/imps/k8s/v1.34.4"), KubeBinaries.NAMES);

    assertThatThrownBy(
            () ->
                KubeBinaries.locate(
                    Map.of(
                        "KUBEBUILDER_ASSETS",
                        assets.toString(),
                        "XDG_CACHE_HOME",
                        temp + "/cache")))
        .isInstanceOf(KubeBinariesNotFoundException.class)
        .hasMessageContaining("KUBEBUILDER_ASSETS=" + assets)
        .hasMessageContaining("lacks kube-apiserver")
        .hasMessageContaining("scripts/k8s-binaries.sh");
  }

  static Stream<Arguments> cacheFolders() {
    return Stream.of(
        Arguments.of(List.of("v1.34.4"), "v1.34.4"),
        Arguments.of(List.of("v1.34.4", "v1.34.10", "v1.34.9"), "v1.34.10"),
        Arguments.of(List.of("v1.33.12", "v1.34.0"), "v1.34.0"),
        Arguments.of(List.of("v1.34.1", "v1.34.2-rc.0"), "v1.34.2-rc.0"),
        Arguments.of(List.of("v1.34.2-rc.0", "v1.34.2"), "v1.34.2"),
        Arguments.of(List.of("v1.34.3", "not-a-version"), "v1.34.3"));
  }

  @ParameterizedTest(name = "among {0} the newest complete folder is {1}")
  @MethodSource("cacheFolders")
  void the_newest_complete_version_folder_in_the_cache_is_used(List<String> folders, String newest)
      throws IOException {
    for (String folder : folders) {
      binariesIn(temp.resolve("imps/k8s").resolve(folder), KubeBinaries.NAMES);
    }

    KubeBinaries found = KubeBinaries.locate(Map.of("XDG_CACHE_HOME", temp.toString()));

    assertThat(found.directory().getFileName()).hasToString(newest);
  }

  @Test
  void an_incomplete_newer_folder_is_passed_over() throws IOException {
    binariesIn(temp.resolve("imps/k8s/v1.34.4"), KubeBinaries.NAMES);
    binariesIn(temp.resolve("imps/k8s/v1.34.5"), List.of("etcd", "kube-apiserver"));

    KubeBinaries found = KubeBinaries.locate(Map.of("XDG_CACHE_HOME", temp.toString()));

    assertThat(found.directory().getFileName()).hasToString("v1.34.4");
  }

  @Test
  void without_xdg_cache_home_the_cache_is_under_home_dot_cache() throws IOException {
    Path folder = binariesIn(temp.resolve(".cache/imps/k8s/v1.34.4"), KubeBinaries.NAMES);

    KubeBinaries found = KubeBinaries.locate(Map.of("HOME", temp.toString()));

    assertThat(found.directory()).isEqualTo(folder);
  }

  @Test
  void a_binary_that_is_not_executable_does_not_count() throws IOException {
    Path folder = binariesIn(temp.resolve("imps/k8s/v1.34.4"), KubeBinaries.NAMES);
    Files.setPosixFilePermissions(
        folder.resolve("kubectl"), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> KubeBinaries.locate(Map.of("XDG_CACHE_HOME", temp.toString())))
        .isInstanceOf(KubeBinariesNotFoundException.class);
  }

  @Test
  void nothing_found_fails_with_how_to_provide_the_binaries() {
    assertThatThrownBy(() -> KubeBinaries.locate(Map.of("XDG_CACHE_HOME", temp.toString())))
        .isInstanceOf(KubeBinariesNotFoundException.class)
        .hasMessageContaining("KUBEBUILDER_ASSETS is not set")
        .hasMessageContaining(temp.resolve("imps/k8s").toString())
        .hasMessageContaining("run scripts/k8s-binaries.sh")
        .hasMessageContaining("set KUBEBUILDER_ASSETS");
  }

  private static Path binariesIn(Path folder, List<String> names) throws IOException {
    Files.createDirectories(folder);
    for (String name : names) {
      Path binary = Files.writeString(folder.resolve(name), "#!/bin/sh\n");
      Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return folder;
  }
}
