package dev.imps.credentials;

import static dev.imps.credentials.testing.Secrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSecretTest {

  @Test
  void copiesDataInAndOut() {
    byte[] value = utf8("secret-value");
    Map<String, byte[]> data = new HashMap<>(Map.of("k", value));
    SourceSecret secret = SourceSecret.of("ns/s", "t", data);

    value[0] = 'X';
    data.put("other", utf8("x"));
    secret.value("k").orElseThrow()[1] = 'Y';
    secret.data().get("k")[2] = 'Z';

    assertThat(secret.value("k"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(utf8("secret-value")));
    assertThat(secret.keys()).containsExactly("k");
  }

  @Test
  void equalsComparesBytesAndToStringShowsOnlyKeys() {
    SourceSecret a = SourceSecret.of("ns/s", "t", Map.of("k", utf8("secret-value")));
    SourceSecret b = SourceSecret.of("ns/s", "t", Map.of("k", utf8("secret-value")));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(SourceSecret.of("ns/s", "t", Map.of("k", utf8("other"))));
    assertThat(a.toString()).isEqualTo("SourceSecret[name=ns/s, type=t, keys=[k]]");
  }

  @Test
  void rejectsBlankNamesAndNullValuesNamingTheSource() {
    assertThatThrownBy(() -> SourceSecret.of(" ", "t", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source name must not be blank");
    Map<String, byte[]> withNull = new HashMap<>();
    withNull.put("k", null);
    assertThatThrownBy(() -> SourceSecret.of("ns/s", "t", withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of key 'k' of 'ns/s' is null");
  }
}
