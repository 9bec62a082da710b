package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.TARGET;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A secret is imps's only with the owner label, a matching ownerReference and the right type. */
class CopyOwnershipTest {

  private static final String UID = "uid-1";

  private static SecretSnapshot.Builder copy(String namespace) {
    return SecretSnapshot.builder(namespace, TARGET)
        .type(ReconcileConstants.DOCKER_CONFIG_JSON_TYPE)
        .labels(Map.of(ApiConstants.OWNER_UID_LABEL, UID))
        .ownerReferences(List.of(owner(ApiConstants.API_VERSION, ApiConstants.KIND, UID)));
  }

  private static OwnerRef owner(String apiVersion, String kind, String uid) {
    return new OwnerRef(apiVersion, kind, "imps", uid);
  }

  static Stream<Arguments> onlyAllThreeMarksProveACopy() {
    return Stream.of(
        Arguments.of("a copy imps wrote", copy("a").build(), true, ""),
        Arguments.of("a secret without the label", copy("a").labels(Map.of()).build(), false, ""),
        Arguments.of(
            "an Opaque clone of a copy",
            copy("a").type("Opaque").build(),
            false,
            "has type Opaque"),
        Arguments.of(
            "a restored backup without owner references",
            copy("a").ownerReferences(List.of()).build(),
            false,
            "no ownerReference"),
        Arguments.of(
            "an owner reference to another uid",
            copy("a")
                .ownerReferences(
                    List.of(owner(ApiConstants.API_VERSION, ApiConstants.KIND, "uid-2")))
                .build(),
            false,
            "no ownerReference"),
        Arguments.of(
            "an owner reference of another kind with the same uid",
            copy("a").ownerReferences(List.of(owner("apps/v1", "Deployment", UID))).build(),
            false,
            "no ownerReference"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void onlyAllThreeMarksProveACopy(
      String description, SecretSnapshot secret, boolean proven, String because) {
    CopyOwnership ownership = CopyOwnership.of(secret);

    assertThat(ownership.isProven()).isEqualTo(proven);
    assertThat(ownership.isOwnedBy(UID)).isEqualTo(proven);
    assertThat(ownership.notProvenBecause()).contains(because);
    assertThat(ownership.isLabelOnly()).isEqualTo(!because.isEmpty());
  }

  @Test
  void theSweepDeletesOnlyProvenCopiesOfDeletedObjects() {
    FakeCluster cluster =
        new FakeCluster()
            .withNamespace("a")
            .withNamespace("b")
            .withNamespace("c")
            .withNamespace("d");
    cluster.put(crForNames("alive", "uid-alive", T0, "c"));
    cluster.put(copy("a").build());
    cluster.put(copy("b").type("Opaque").build());
    cluster.put(copy("d").ownerReferences(List.of()).build());
    cluster.put(
        copy("c")
            .labels(Map.of(ApiConstants.OWNER_UID_LABEL, "uid-alive"))
            .ownerReferences(
                List.of(owner(ApiConstants.API_VERSION, ApiConstants.KIND, "uid-alive")))
            .build());

    OrphanSweep sweep = OrphanSweep.of(cluster);

    assertThat(sweep.copies())
        .extracting(SecretSnapshot::ref)
        .containsExactly(new SecretRef("a", TARGET));
    assertThat(sweep.existingUids()).containsExactly("uid-alive");
  }
}
