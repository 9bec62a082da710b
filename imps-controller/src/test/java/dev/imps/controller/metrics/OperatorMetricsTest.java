package dev.imps.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

  private static final String[] CR = {OperatorMetrics.CR_LABEL};

  private final CollectorRegistry registry = new CollectorRegistry(true);
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final OperatorMetrics metrics = OperatorMetrics.register(registry);

  @Test
  void expiry_is_an_absolute_timestamp_in_seconds_so_it_never_goes_stale() {
    metrics.observed("ecr", 3, Optional.of(NOW.plus(Duration.ofHours(12)).plusMillis(500)));

    assertThat(value("imps_credentials_expiry_timestamp_seconds", "ecr"))
        .isEqualTo(1_735_732_800.5);
    assertThat(value("imps_managed_namespaces", "ecr")).isEqualTo(3.0);
  }

  @Test
  void credentials_without_expiry_have_no_expiry_series() {
    metrics.observed("static", 1, Optional.of(NOW.plusSeconds(60)));
    metrics.observed("static", 1, Optional.empty());

    assertThat(value("imps_credentials_expiry_timestamp_seconds", "static")).isNull();
  }

  @Test
  void reconciles_errors_and_durations_are_counted_per_cr() {
    metrics.reconciled("a", Duration.ofMillis(20), false);
    metrics.reconciled("a", Duration.ofMillis(30), true);
    metrics.reconciled("b", Duration.ofMillis(10), false);

    assertThat(value("imps_reconcile_total", "a")).isEqualTo(2.0);
    assertThat(value("imps_reconcile_errors_total", "a")).isEqualTo(1.0);
    assertThat(value("imps_reconcile_duration_seconds_count", "a")).isEqualTo(2.0);
    assertThat(value("imps_reconcile_duration_seconds_sum", "a")).isCloseTo(0.05, within());
    assertThat(value("imps_reconcile_errors_total", "b")).isNull();
  }

  @Test
  void a_deleted_cr_leaves_no_series_behind() {
    metrics.reconciled("gone", Duration.ofMillis(5), true);
    metrics.observed("gone", 2, Optional.of(NOW.plusSeconds(60)));

    metrics.forget("gone");

    for (String name :
        new String[] {
          "imps_reconcile_total",
          "imps_reconcile_errors_total",
          "imps_reconcile_duration_seconds_count",
          "imps_managed_namespaces",
          "imps_credentials_expiry_timestamp_seconds"
        }) {
      assertThat(value(name, "gone")).as(name).isNull();
    }
  }

  private Double value(String name, String cr) {
    return registry.getSampleValue(name, CR, new String[] {cr});
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
