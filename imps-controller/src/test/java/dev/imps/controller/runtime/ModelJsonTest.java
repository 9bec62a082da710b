package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Status;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

  private final Gson gson = ModelJson.fieldOnly();

  @Test
  void secretDataIsWrittenAndReadAsBase64() {
    V1Secret secret =
        new V1Secret()
            .metadata(new V1ObjectMeta().name("pull").namespace("shop"))
            .type("kubernetes.io/dockerconfigjson")
            .data(Map.of(".dockerconfigjson", "{}".getBytes(StandardCharsets.UTF_8)));

    String json = gson.toJson(secret);

    assertThat(JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("data"))
        .hasToString("{\".dockerconfigjson\":\"e30=\"}");
    assertThat(gson.fromJson(json, V1Secret.class).getData().get(".dockerconfigjson"))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("{}");
  }

  @Test
  void leaseTimesKeepKubernetesMicrosecondFormat() {
    OffsetDateTime renewed = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 123_456_000, ZoneOffset.UTC);
    V1Lease lease =
        new V1Lease().spec(new V1LeaseSpec().holderIdentity("imps-0").renewTime(renewed));

    String json = gson.toJson(lease);

    assertThat(json).contains("\"renewTime\":\"2026-12-07T10:00:00.123456Z\"");
    assertThat(gson.fromJson(json, V1Lease.class).getSpec().getRenewTime()).isEqualTo(renewed);
  }

  @Test
  void readsTimesWithoutFractionAsTheApiServerWritesThem() {
    V1Namespace namespace =
        gson.fromJson(
            "{\"metadata\":{\"name\":\"shop\",\"creationTimestamp\":\"2026-12-07T10:00:00Z\"}}",
            V1Namespace.class);

    assertThat(namespace.getMetadata().getCreationTimestamp())
        .isEqualTo(OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void toleratesFieldsTheClientDoesNotKnow() {
    V1Namespace namespace =
        gson.fromJson(
            "{\"metadata\":{\"name\":\"shop\",\"fieldFromANewerServer\":{\"a\":1}},"
                + "\"spec\":{\"finalizers\":[\"kubernetes\"],\"alsoNew\":true}}",
            V1Namespace.class);

    assertThat(namespace.getMetadata().getName()).isEqualTo("shop");
    assertThat(namespace.getSpec().getFinalizers()).containsExactly("kubernetes");
  }

  @Test
  void readsStatusAnswers() {
    V1Status status =
        gson.fromJson(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"reason\":\"AlreadyExists\",\"code\":409,"
                + "\"details\":{\"name\":\"pull\",\"kind\":\"secrets\"}}",
            V1Status.class);

    assertThat(status.getCode()).isEqualTo(409);
    assertThat(status.getReason()).isEqualTo("AlreadyExists");
    assertThat(status.getDetails().getName()).isEqualTo("pull");
  }

  @Test
  void eventsKeepTheirTimestamps() {
    OffsetDateTime at = OffsetDateTime.of(2026, 12, 7, 10, 0, 1, 0, ZoneOffset.UTC);
    CoreV1Event event =
        new CoreV1Event()
            .metadata(new V1ObjectMeta().name("mesh.1").namespace("default"))
            .reason("Reconciled")
            .firstTimestamp(at)
            .eventTime(at.withNano(5_000));

    String json = gson.toJson(event);

    assertThat(json)
        .contains("\"firstTimestamp\":\"2026-12-07T10:00:01.000000Z\"")
        .contains("\"eventTime\":\"2026-12-07T10:00:01.000005Z\"");
  }

  @Test
  void modelsAreReadByTheirFieldsNotByClientJavasPerModelAdapters() {
    assertThat(gson.getAdapter(V1Secret.class).getClass().getName()).doesNotContain("V1Secret");
  }

  @Test
  void installReplacesTheSharedGsonOnce() {
    ModelJson.install();
    Gson installed = JSON.getGson();
    ModelJson.install();

    assertThat(JSON.getGson()).isSameAs(installed);
    assertThat(installed.getAdapter(V1Secret.class).getClass().getName())
        .doesNotContain("V1Secret");
  }
}
