package dev.imps.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsAddressTest {

  static Stream<Arguments> addresses() {
    return Stream.of(
        Arguments.of(":8080", Optional.of(new InetSocketAddress(8080))),
        Arguments.of("127.0.0.1:9090", Optional.of(new InetSocketAddress("127.0.0.1", 9090))),
        Arguments.of("[::1]:8443", Optional.of(new InetSocketAddress("::1", 8443))),
        Arguments.of("0", Optional.empty()),
        Arguments.of(" :8080 ", Optional.of(new InetSocketAddress(8080))));
  }

  @ParameterizedTest(name = "--metrics-addr={0} listens on {1}")
  @MethodSource("addresses")
  void the_flag_reads_as_controller_runtime_reads_it(
      String flag, Optional<InetSocketAddress> address) {
    assertThat(MetricsAddress.parse(flag)).isEqualTo(address);
  }

  @ParameterizedTest(name = "--metrics-addr=\"{0}\" is refused")
  @ValueSource(strings = {"", "8080", "host:", ":http", ":70000", ":-1"})
  void a_malformed_address_is_refused_naming_the_flag(String flag) {
    assertThatThrownBy(() -> MetricsAddress.parse(flag))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--metrics-addr");
  }
}
