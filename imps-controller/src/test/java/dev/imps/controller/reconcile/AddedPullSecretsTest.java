package dev.imps.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AddedPullSecretsTest {

  static Stream<Arguments> theAnnotationParsesToSortedPairsAndIgnoresGarbage() {
    return Stream.of(
        Arguments.of("nothing", null, ""),
        Arguments.of("an empty value", "", ""),
        Arguments.of("one pair", "pull=u1", "pull=u1"),
        Arguments.of("pairs out of order", "b=u2,a=u1", "a=u1,b=u2"),
        Arguments.of("one name held twice", "a=u2,a=u1", "a=u1,a=u2"),
        Arguments.of("spaces around pairs", " a=u1 , b=u2", "a=u1,b=u2"),
        Arguments.of("malformed pairs", "a,=u,b=,c=u3,", "c=u3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void theAnnotationParsesToSortedPairsAndIgnoresGarbage(
      String description, String value, String formatted) {
    assertThat(AddedPullSecrets.parse(value).format()).isEqualTo(formatted);
  }

  @Test
  void aNameStaysUntilItsLastHolderLetsGo() {
    AddedPullSecrets record = AddedPullSecrets.none().with("pull", "u1").with("pull", "u2");

    AddedPullSecrets oneLeft = record.without("pull", "u1");
    AddedPullSecrets noneLeft = oneLeft.without("pull", "u2");

    assertThat(oneLeft.holders("pull")).isEqualTo(Set.of("u2"));
    assertThat(noneLeft.isEmpty()).isTrue();
    assertThat(record.namesHeldBy("u1")).containsExactly("pull");
  }
}
