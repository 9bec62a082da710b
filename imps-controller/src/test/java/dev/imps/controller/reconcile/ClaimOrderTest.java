package dev.imps.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.model.ImagePullSecret;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimOrderTest {

  private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

  static Stream<Arguments> theOlderClaimWinsThenTheFirstName() {
    return Stream.of(
        Arguments.of("an older object wins", cr("b", T), cr("a", T.plusSeconds(1)), true),
        Arguments.of("a younger object loses", cr("a", T.plusSeconds(1)), cr("b", T), false),
        Arguments.of("at the same time the first name wins", cr("a", T), cr("b", T), true),
        Arguments.of("at the same time the later name loses", cr("b", T), cr("a", T), false),
        Arguments.of("an object without a creation time loses", cr("a", null), cr("b", T), false),
        Arguments.of("nothing wins against itself", cr("a", T), cr("a", T), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void theOlderClaimWinsThenTheFirstName(
      String description, ImagePullSecret claimant, ImagePullSecret holder, boolean wins) {
    assertThat(ClaimOrder.wins(claimant, holder)).isEqualTo(wins);
  }

  private static ImagePullSecret cr(String name, Instant created) {
    return new ImagePullSecret()
        .metadata(
            new V1ObjectMeta()
                .name(name)
                .creationTimestamp(
                    created == null ? null : OffsetDateTime.ofInstant(created, ZoneOffset.UTC)));
  }
}
