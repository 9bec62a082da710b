package dev.imps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the chart tests find helm, and what they say when it is missing. */
class HelmLocatorTest {

  @TempDir Path temp;

  @Test
  void imps_helm_names_the_binary_and_wins_over_the_cache() throws IOException {
    Path named = executable(temp.resolve("bin/helm"));
    executable(temp.resolve("cache/imps/helm/v3.99.0/helm"));

    Helm helm =
        Helm.locate(Map.of("IMPS_HELM", named.toString(), "XDG_CACHE_HOME", cache().toString()));

    assertThat(helm.binary()).isEqualTo(named);
  }

  @Test
  void without_imps_helm_the_newest_cached_version_is_used_comparing_numbers_not_text()
      throws IOException {
    executable(temp.resolve("cache/imps/helm/v3.9.4/helm"));
    Path newest = executable(temp.resolve("cache/imps/helm/v3.22.0/helm"));
    executable(temp.resolve("cache/imps/helm/v3.22.0-rc.1/helm"));
    Files.createDirectories(temp.resolve("cache/imps/helm/v3.30.0")); // incomplete: no binary

    Helm helm = Helm.locate(Map.of("XDG_CACHE_HOME", cache().toString()));

    assertThat(helm.binary()).isEqualTo(newest);
  }

  @Test
  void the_cache_defaults_to_home_dot_cache() throws IOException {
    Path cached = executable(temp.resolve("home/.cache/imps/helm/v3.22.0/helm"));

    assertThat(Helm.locate(Map.of("HOME", temp.resolve("home").toString())).binary())
        .isEqualTo(cached);
  }

  @Test
  void a_missing_helm_fails_with_how_to_provide_it() {
    assertThatThrownBy(() -> Helm.locate(Map.of("XDG_CACHE_HOME", cache().toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("helm not found")
        .hasMessageContaining(cache().resolve("imps/helm").toString())
        .hasMessageContaining("scripts/helm-binary.sh")
        .hasMessageContaining("IMPS_HELM");
  }

  @Test
  void an_imps_helm_that_is_not_executable_fails_naming_it() throws IOException {
    Path notExecutable = Files.createFile(temp.resolve("helm"));

    assertThatThrownBy(() -> Helm.locate(Map.of("IMPS_HELM", notExecutable.toString())))
        .hasMessageContaining("IMPS_HELM=" + notExecutable + " is not an executable file")
        .hasMessageContaining("scripts/helm-binary.sh");
  }

  private Path cache() {
    return temp.resolve("cache");
  }

  private static Path executable(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    Files.createFile(
        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return path;
  }
}
