package dev.imps.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DesiredSecretTest {

  private static final OwnerRef OWNER =
      new OwnerRef(ApiConstants.API_VERSION, ApiConstants.KIND, "imps", "uid-1");
  private static final OwnerRef DEPLOYMENT =
      new OwnerRef("apps/v1", "Deployment", "web", "uid-web");
  private static final byte[] CONFIG = Fixtures.utf8("{\"auths\":{}}");

  private static final DesiredSecret DESIRED =
      DesiredSecret.of(
          new SecretRef("a", "pull"),
          ReconcileConstants.DOCKER_CONFIG_JSON_TYPE,
          Map.of("team", "a"),
          Map.of("note", "managed"),
          Map.of(".dockerconfigjson", CONFIG),
          OWNER);

  private static SecretSnapshot.Builder matching() {
    return SecretSnapshot.builder("a", "pull")
        .resourceVersion("7")
        .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
        .labels(Map.of("team", "a", ApiConstants.OWNER_UID_LABEL, "uid-1"))
        .annotations(Map.of("note", "managed"))
        .data(Map.of(".dockerconfigjson", CONFIG.clone()))
        .ownerReferences(List.of(OWNER));
  }

  /** Rows where an owned copy and an unowned target differ alike: in type and data. */
  static Stream<Arguments> typeAndDataChanges() {
    return Stream.of(
        row("nothing", b -> b, Set.of()),
        row("the type", b -> b.type("Opaque"), Set.of(SecretField.TYPE)),
        row(
            "a data value",
            b -> b.data(Map.of(".dockerconfigjson", Fixtures.utf8("{}"))),
            Set.of(SecretField.DATA)),
        row(
            "an extra data key",
            b -> b.data(Map.of(".dockerconfigjson", CONFIG, "x", new byte[0])),
            Set.of(SecretField.DATA)));
  }

  static Stream<Arguments> aSecretDiffersExactlyInTheFieldsThatChanged() {
    return Stream.concat(typeAndDataChanges(), metadataChanges());
  }

  private static Stream<Arguments> metadataChanges() {
    return Stream.of(
        row(
            "the owner label",
            b -> b.labels(Map.of("team", "a", ApiConstants.OWNER_UID_LABEL, "uid-2")),
            Set.of(SecretField.LABELS)),
        row(
            "an extra annotation",
            b -> b.annotations(Map.of("note", "managed", "x", "y")),
            Set.of(SecretField.ANNOTATIONS)),
        row(
            "a missing owner reference",
            b -> b.ownerReferences(List.of()),
            Set.of(SecretField.OWNER_REFERENCE)),
        row(
            "another kind's owner reference besides ours",
            b -> b.ownerReferences(List.of(DEPLOYMENT, OWNER)),
            Set.of()),
        row(
            "another ImagePullSecret's owner reference",
            b ->
                b.ownerReferences(
                    List.of(
                        new OwnerRef(ApiConstants.API_VERSION, ApiConstants.KIND, "x", "u"),
                        OWNER)),
            Set.of(SecretField.OWNER_REFERENCE)));
  }

  @ParameterizedTest(name = "a secret that differs in {0}")
  @MethodSource
  void aSecretDiffersExactlyInTheFieldsThatChanged(
      String description, UnaryOperator<SecretSnapshot.Builder> change, Set<SecretField> expected) {
    assertDifferences(DESIRED, change, expected);
  }

  @Test
  void theOwnerLabelIsAlwaysTheOwnersUid() {
    DesiredSecret desired =
        DesiredSecret.of(
            new SecretRef("a", "pull"),
            "t",
            Map.of(ApiConstants.OWNER_UID_LABEL, "forged"),
            null,
            Map.of(),
            OWNER);

    assertThat(desired.labels()).containsEntry(ApiConstants.OWNER_UID_LABEL, "uid-1");
  }

  @Test
  void aPatchSetsWhatDiffersAndNullsWhatMustGo() {
    SecretSnapshot current =
        matching()
            .labels(Map.of("team", "b", "stray", "x", ApiConstants.OWNER_UID_LABEL, "uid-1"))
            .data(Map.of(".dockerconfigjson", Fixtures.utf8("{}"), "junk", new byte[] {1}))
            .ownerReferences(List.of(DEPLOYMENT))
            .build();

    SecretPatch patch = DESIRED.patchOver(current);

    assertThat(patch.changes())
        .containsExactlyInAnyOrder(
            SecretField.DATA, SecretField.LABELS, SecretField.OWNER_REFERENCE);
    Map<String, Object> metadata = map(patch.body().get("metadata"));
    assertThat(metadata).containsEntry("resourceVersion", "7").doesNotContainKey("annotations");
    Map<String, Object> labels = map(metadata.get("labels"));
    assertThat(labels).containsEntry("team", "a").containsEntry("stray", null).hasSize(2);
    assertThat((List<?>) metadata.get("ownerReferences"))
        .extracting(o -> map(o).get("uid"))
        .containsExactly("uid-web", "uid-1");
    Map<String, Object> data = map(patch.body().get("data"));
    assertThat(data)
        .containsEntry(".dockerconfigjson", Base64.getEncoder().encodeToString(CONFIG))
        .containsEntry("junk", null);
  }

  @Test
  void aManifestCarriesEverythingACreateNeeds() {
    Map<String, Object> manifest = DESIRED.manifest();

    assertThat(manifest).containsEntry("apiVersion", "v1").containsEntry("kind", "Secret");
    assertThat(manifest).containsEntry("type", ReconcileConstants.DOCKER_CONFIG_JSON_TYPE);
    Map<String, Object> metadata = map(manifest.get("metadata"));
    assertThat(metadata).containsEntry("name", "pull").containsEntry("namespace", "a");
    assertThat(map(metadata.get("labels")))
        .containsEntry(ApiConstants.OWNER_UID_LABEL, "uid-1")
        .containsEntry("team", "a");
    assertThat((List<?>) metadata.get("ownerReferences"))
        .singleElement()
        .satisfies(
            o ->
                assertThat(map(o))
                    .containsEntry("kind", ApiConstants.KIND)
                    .containsEntry("name", "imps")
                    .containsEntry("controller", false)
                    .doesNotContainKey("blockOwnerDeletion"));
  }

  private static final DesiredSecret UNOWNED =
      DesiredSecret.unowned(
          new SecretRef("a", "pull"),
          ReconcileConstants.DOCKER_CONFIG_JSON_TYPE,
          Map.of(".dockerconfigjson", CONFIG));

  static Stream<Arguments> anUnownedTargetDiffersOnlyInTypeAndData() {
    Stream<Arguments> metadataIgnored =
        Stream.of(
            row("its own labels", b -> b.labels(Map.of("team", "b")), Set.of()),
            row("its own annotations", b -> b.annotations(Map.of("note", "theirs")), Set.of()),
            row("no owner reference", b -> b.ownerReferences(List.of()), Set.of()),
            row("another owner reference", b -> b.ownerReferences(List.of(DEPLOYMENT)), Set.of()),
            row("no data", b -> b.data(Map.of()), Set.of(SecretField.DATA)));
    return Stream.concat(typeAndDataChanges(), metadataIgnored);
  }

  @ParameterizedTest(name = "an unowned target that differs in {0}")
  @MethodSource
  void anUnownedTargetDiffersOnlyInTypeAndData(
      String description, UnaryOperator<SecretSnapshot.Builder> change, Set<SecretField> expected) {
    assertDifferences(UNOWNED, change, expected);
  }

  private static void assertDifferences(
      DesiredSecret desired,
      UnaryOperator<SecretSnapshot.Builder> change,
      Set<SecretField> expected) {
    SecretSnapshot current = change.apply(matching()).build();

    Set<SecretField> differences = desired.differencesFrom(current);

    assertThat(differences)
        .isEqualTo(
            expected.isEmpty() ? EnumSet.noneOf(SecretField.class) : EnumSet.copyOf(expected));
  }

  @Test
  void anUnownedTargetsPatchTouchesOnlyItsData() {
    SecretSnapshot current =
        matching()
            .labels(Map.of("team", "b"))
            .annotations(Map.of("note", "theirs"))
            .data(Map.of(".dockerconfigjson", Fixtures.utf8("{}"), "junk", new byte[] {1}))
            .ownerReferences(List.of(DEPLOYMENT))
            .build();

    SecretPatch patch = UNOWNED.patchOver(current);

    assertThat(patch.changes()).containsExactly(SecretField.DATA);
    assertThat(map(patch.body().get("metadata"))).containsOnlyKeys("resourceVersion");
    assertThat(map(patch.body().get("data")))
        .containsEntry(".dockerconfigjson", Base64.getEncoder().encodeToString(CONFIG))
        .containsEntry("junk", null)
        .hasSize(2);
  }

  @Test
  void anUnownedTargetsManifestHasNoOwnerLabelsOrAnnotations() {
    Map<String, Object> manifest = UNOWNED.manifest();

    assertThat(manifest).containsEntry("type", ReconcileConstants.DOCKER_CONFIG_JSON_TYPE);
    assertThat(map(manifest.get("metadata"))).containsOnlyKeys("name", "namespace");
    assertThat(map(manifest.get("data")))
        .containsOnlyKeys(".dockerconfigjson")
        .containsEntry(".dockerconfigjson", Base64.getEncoder().encodeToString(CONFIG));
    assertThat(UNOWNED.isOwned()).isFalse();
    assertThat(UNOWNED.owner()).isEmpty();
    assertThat(DESIRED.owner()).contains(OWNER);
  }

  @Test
  void textFormsNameTheSecretButNeverItsData() {
    SecretSnapshot snapshot =
        matching().data(Map.of(".dockerconfigjson", Fixtures.utf8(Fixtures.PASSWORD))).build();
    DesiredSecret desired =
        DesiredSecret.of(
            new SecretRef("a", "pull"),
            "t",
            null,
            null,
            Map.of("k", Fixtures.utf8(Fixtures.PASSWORD)),
            OWNER);

    String text = snapshot + " " + desired + " " + desired.patchOver(snapshot);

    assertThat(text).contains("a/pull").doesNotContain(Fixtures.PASSWORD);
  }

  @Test
  void snapshotsCopyTheirDataInAndOut() {
    byte[] value = {1, 2, 3};
    Map<String, byte[]> data = new HashMap<>(Map.of("k", value));
    SecretSnapshot snapshot = SecretSnapshot.builder("a", "s").data(data).build();

    value[0] = 9;
    snapshot.data().get("k")[1] = 9;

    assertThat(snapshot.dataValue("k"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Arguments row(
      String description, UnaryOperator<SecretSnapshot.Builder> change, Set<SecretField> expected) {
    return Arguments.of(description, change, expected);
  }
}
