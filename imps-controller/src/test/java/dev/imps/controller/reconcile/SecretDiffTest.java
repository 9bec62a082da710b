package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.TARGET;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.mapping.InvalidSpecException;
import dev.imps.api.model.ImagePullSecret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretDiffTest {

  private static final String UID = "uid-self";
  private static final Map<String, byte[]> DATA =
      Map.of(".dockerconfigjson", Fixtures.utf8("{\"auths\":{\"r.example\":{\"auth\":\"eDp5\"}}}"));

  /** The copy as this object wants it in namespace a. */
  private static SecretSnapshot.Builder ownCopy() {
    return SecretSnapshot.builder("a", TARGET)
        .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
        .labels(Map.of(ApiConstants.OWNER_UID_LABEL, UID))
        .data(DATA)
        .ownerReferences(List.of(impsOwner("self", UID)));
  }

  private static OwnerRef impsOwner(String name, String uid) {
    return new OwnerRef(ApiConstants.API_VERSION, ApiConstants.KIND, name, uid);
  }

  private static SecretSnapshot.Builder foreign(Map<String, String> labels) {
    return SecretSnapshot.builder("a", TARGET).type("Opaque").labels(labels);
  }

  /** An unmanaged Opaque secret whose adopt annotation names the given ImagePullSecret. */
  private static SecretSnapshot foreignAnnotatedForAdoptionBy(String imagePullSecret) {
    return foreign(Map.of())
        .annotations(Map.of(ReconcileConstants.ADOPT_ANNOTATION, imagePullSecret))
        .build();
  }

  static Stream<Arguments> theSecretInASelectedNamespaceDecidesTheChange() {
    return Stream.of(
        row("no secret with the target name: create it", c -> {}, "create a/pull-secret"),
        row("our copy is right: keep it", c -> c.put(ownCopy().build()), "keep a/pull-secret"),
        row(
            "our copy has stale data: patch the data",
            c -> c.put(ownCopy().data(Map.of(".dockerconfigjson", new byte[] {1})).build()),
            "update a/pull-secret [data]"),
        row(
            "our copy has an extra label: patch the labels",
            c ->
                c.put(
                    ownCopy().labels(Map.of(ApiConstants.OWNER_UID_LABEL, UID, "x", "y")).build()),
            "update a/pull-secret [labels]"),
        row(
            "a secret with our owner label but no owner reference (a restored backup): conflict",
            c -> c.put(ownCopy().ownerReferences(List.of()).build()),
            "conflict a/pull-secret (secret is not an imps copy: it carries the owner label but no"
                + " ownerReference to the ImagePullSecret with uid uid-self"),
        row(
            "an Opaque clone carrying our owner label: conflict",
            c -> c.put(ownCopy().type("Opaque").build()),
            "conflict a/pull-secret (secret is not an imps copy: it carries the owner label but"
                + " has type Opaque"),
        row(
            "a secret whose owner label and owner reference name different uids: conflict",
            c -> c.put(ownCopy().ownerReferences(List.of(impsOwner("self", "uid-stale"))).build()),
            "conflict a/pull-secret (secret is not an imps copy"),
        row(
            "a secret with the target name and a stale owner uid but no owner reference: conflict",
            c ->
                c.put(
                    ownCopy()
                        .labels(Map.of(ApiConstants.OWNER_UID_LABEL, "uid-gone"))
                        .ownerReferences(List.of())
                        .build()),
            "conflict a/pull-secret (secret is not an imps copy"),
        row(
            "an unmanaged Opaque secret annotated for this object: adopt it by replacing it",
            c -> c.put(foreignAnnotatedForAdoptionBy("self")),
            "replace a/pull-secret (type Opaque -> kubernetes.io/dockerconfigjson"),
        row(
            "an unmanaged secret: conflict",
            c -> c.put(foreign(Map.of()).build()),
            "conflict a/pull-secret (secret exists and is not managed by imps"),
        row(
            "an unmanaged secret annotated for another object: conflict",
            c -> c.put(foreignAnnotatedForAdoptionBy("other")),
            "conflict a/pull-secret"),
        row(
            "an unmanaged secret annotated for this object: adopt it",
            c ->
                c.put(
                    ownCopy()
                        .labels(Map.of())
                        .ownerReferences(List.of())
                        .annotations(Map.of(ReconcileConstants.ADOPT_ANNOTATION, "self"))
                        .build()),
            "update a/pull-secret [labels,annotations,owner_reference] (adopt"),
        row(
            "a copy of an older object: conflict naming it",
            c -> {
              c.put(crForNames("elder", "uid-elder", T0.minusSeconds(1), "a"));
              c.put(
                  ownCopy()
                      .labels(Map.of(ApiConstants.OWNER_UID_LABEL, "uid-elder"))
                      .ownerReferences(List.of(impsOwner("elder", "uid-elder")))
                      .build());
            },
            "conflict a/pull-secret (secret is managed by ImagePullSecret elder"),
        row(
            "a copy of an object created at the same time whose name sorts first: conflict",
            c -> {
              c.put(crForNames("aaa", "uid-aaa", T0, "a"));
              c.put(
                  ownCopy()
                      .labels(Map.of(ApiConstants.OWNER_UID_LABEL, "uid-aaa"))
                      .ownerReferences(List.of(impsOwner("aaa", "uid-aaa")))
                      .build());
            },
            "conflict a/pull-secret"),
        row(
            "a copy of a younger object: take it over",
            c -> {
              c.put(crForNames("junior", "uid-junior", T0.plusSeconds(1), "a"));
              c.put(
                  ownCopy()
                      .labels(Map.of(ApiConstants.OWNER_UID_LABEL, "uid-junior"))
                      .ownerReferences(List.of(impsOwner("junior", "uid-junior")))
                      .build());
            },
            "update a/pull-secret [labels,owner_reference] (take over from ImagePullSecret junior"),
        row(
            "a copy of a deleted object: take it over",
            c ->
                c.put(
                    ownCopy()
                        .labels(Map.of(ApiConstants.OWNER_UID_LABEL, "uid-gone"))
                        .ownerReferences(List.of(impsOwner("gone", "uid-gone")))
                        .build()),
            "update a/pull-secret [labels,owner_reference] (take over: its ImagePullSecret no"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void theSecretInASelectedNamespaceDecidesTheChange(
      String description, Consumer<FakeCluster> arrange, String expected) throws Exception {
    FakeCluster cluster = new FakeCluster().withNamespace("a");
    ImagePullSecret self = crForNames("self", UID, T0, "a");
    cluster.put(self);
    arrange.accept(cluster);

    SecretDiff diff = diff(cluster, self, CopyContent.of(DATA));

    assertThat(diff.changes())
        .singleElement()
        .satisfies(c -> assertThat(c.describe()).startsWith(expected));
  }

  static Stream<Arguments> ourCopiesOutsideTheSelectionAreDeletedUnlessTheNamespaceIsTerminating() {
    return Stream.of(
        Arguments.of(
            "a deselected namespace",
            "b",
            TARGET,
            false,
            "delete b/pull-secret (namespace no longer selected)"),
        Arguments.of(
            "an old name after a rename", "a", "old-name", false, "delete a/old-name (renamed"),
        Arguments.of("a terminating namespace", "b", TARGET, true, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void ourCopiesOutsideTheSelectionAreDeletedUnlessTheNamespaceIsTerminating(
      String description, String namespace, String name, boolean terminating, String expected)
      throws Exception {
    FakeCluster cluster = new FakeCluster().withNamespace("a");
    if (terminating) {
      cluster.terminatingNamespace(namespace);
    } else {
      cluster.withNamespace(namespace);
    }
    ImagePullSecret self = crForNames("self", UID, T0, "a");
    cluster.put(self).put(ownCopy().build());
    cluster.put(
        SecretSnapshot.builder(namespace, name)
            .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
            .labels(Map.of(ApiConstants.OWNER_UID_LABEL, UID))
            .ownerReferences(List.of(impsOwner("self", UID)))
            .data(DATA)
            .build());

    List<SecretChange.Delete> deletes =
        diff(cluster, self, CopyContent.of(DATA)).changes(SecretChange.Delete.class);

    if (expected == null) {
      assertThat(deletes).isEmpty();
    } else {
      assertThat(deletes)
          .singleElement()
          .satisfies(d -> assertThat(d.describe()).startsWith(expected));
    }
  }

  static Stream<Arguments> contentThatCannotBeTrustedHoldsWritesBack() {
    CopyContent createsOnly = new CopyContent(Optional.of(DATA), false, "source x failed");
    CopyContent nothing = new CopyContent(Optional.empty(), false, "no usable credentials");
    SecretSnapshot stale = ownCopy().data(Map.of(".dockerconfigjson", new byte[] {1})).build();
    return Stream.of(
        Arguments.of(
            "partial content still creates a missing copy",
            createsOnly,
            null,
            "create a/pull-secret"),
        Arguments.of(
            "partial content keeps a right copy",
            createsOnly,
            ownCopy().build(),
            "keep a/pull-secret"),
        Arguments.of(
            "partial content does not patch a stale copy",
            createsOnly,
            stale,
            "hold a/pull-secret (source x failed)"),
        Arguments.of(
            "no content creates nothing",
            nothing,
            null,
            "hold a/pull-secret (no usable credentials)"),
        Arguments.of("no content leaves our copy alone", nothing, stale, "hold a/pull-secret"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void contentThatCannotBeTrustedHoldsWritesBack(
      String description, CopyContent content, SecretSnapshot existing, String expected)
      throws Exception {
    FakeCluster cluster = new FakeCluster().withNamespace("a");
    ImagePullSecret self = crForNames("self", UID, T0, "a");
    cluster.put(self);
    if (existing != null) {
      cluster.put(existing);
    }

    SecretDiff diff = diff(cluster, self, content);

    assertThat(diff.changes())
        .singleElement()
        .satisfies(c -> assertThat(c.describe()).startsWith(expected));
    assertThat(diff.intendedNamespaces())
        .isEqualTo(
            existing != null || expected.startsWith("create")
                ? java.util.Set.of("a")
                : java.util.Set.of());
  }

  private static SecretDiff diff(FakeCluster cluster, ImagePullSecret self, CopyContent content)
      throws InvalidSpecException {
    ResolvedSpec spec = ResolvedSpec.from(self);
    NamespaceSelection selection = NamespaceSelection.evaluate(spec.rule(), cluster);
    Map<String, ImagePullSecret> byUid = new HashMap<>();
    cluster.imagePullSecrets().forEach(cr -> byUid.put(cr.getMetadata().getUid(), cr));
    return SecretDiff.compute(self, spec, selection, content, cluster, byUid);
  }

  private static Arguments row(String description, Consumer<FakeCluster> arrange, String expected) {
    return Arguments.of(description, arrange, expected);
  }
}
