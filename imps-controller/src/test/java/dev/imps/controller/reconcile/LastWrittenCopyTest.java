package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.TARGET;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static dev.imps.controller.reconcile.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.imps.api.ApiConstants;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceSecret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which copy holds what imps wrote last for an object, the last good after a restart. */
class LastWrittenCopyTest {

  private static final String UID = "uid-1";
  private static final OwnerRef OWNER =
      new OwnerRef(ApiConstants.GROUP + "/" + ApiConstants.VERSION, ApiConstants.KIND, "imps", UID);

  /** A copy in a namespace holding a config text. */
  private record Copy(String namespace, String name, String type, String config, boolean owned) {

    SecretSnapshot snapshot() {
      return SecretSnapshot.builder(namespace, name)
          .type(type)
          .labels(Map.of(ApiConstants.OWNER_UID_LABEL, UID))
          .ownerReferences(owned ? List.of(OWNER) : List.of())
          .data(Map.of(ReconcileConstants.DOCKER_CONFIG_JSON_KEY, utf8(config)))
          .build();
    }
  }

  private static Copy copy(String namespace, String config) {
    return new Copy(namespace, TARGET, ReconcileConstants.DOCKER_CONFIG_JSON_TYPE, config, true);
  }

  static Stream<Arguments> copies() {
    String typeOpaque = "Opaque";
    return Stream.of(
        arguments("no copy: nothing", List.of(), Optional.empty()),
        arguments("one copy: its content", List.of(copy("a", "{\"auths\":{}}")), Optional.of("a")),
        arguments(
            "copies that differ: the content most hold",
            List.of(copy("a", "old"), copy("b", "new"), copy("c", "new")),
            Optional.of("b")),
        arguments(
            "a tie: the first namespace by name",
            List.of(copy("d", "one"), copy("b", "two")),
            Optional.of("b")),
        arguments(
            "a secret with only the owner label is no copy",
            List.of(new Copy("a", TARGET, ReconcileConstants.DOCKER_CONFIG_JSON_TYPE, "x", false)),
            Optional.empty()),
        arguments(
            "a secret of another type is no copy",
            List.of(new Copy("a", TARGET, typeOpaque, "x", true)),
            Optional.empty()),
        arguments(
            "a copy under another name is not the target",
            List.of(
                new Copy("a", "old-name", ReconcileConstants.DOCKER_CONFIG_JSON_TYPE, "x", true)),
            Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("copies")
  void theConfigIsTakenFromTheProvenCopiesOfTheObject(
      String description, List<Copy> copies, Optional<String> fromNamespace) throws Exception {
    FakeCluster cluster = new FakeCluster();
    copies.forEach(c -> cluster.put(c.snapshot()));
    ResolvedSpec spec = ResolvedSpec.from(crForNames("imps", UID, T0, "a", "b", "c", "d"));

    Optional<SourceSecret> found = LastWrittenCopy.of(spec, cluster);

    assertThat(found.map(SourceSecret::name)).isEqualTo(fromNamespace.map(ns -> ns + "/" + TARGET));
    found.ifPresent(
        secret -> {
          Copy expected =
              copies.stream()
                  .filter(c -> c.namespace().equals(fromNamespace.orElseThrow()))
                  .findFirst()
                  .orElseThrow();
          assertThat(secret.type()).isEqualTo(SecretFormats.TYPE_DOCKER_CONFIG_JSON);
          assertThat(
                  new String(
                      secret.value(SecretFormats.KEY_DOCKER_CONFIG_JSON).orElseThrow(),
                      StandardCharsets.UTF_8))
              .isEqualTo(expected.config());
        });
  }
}
