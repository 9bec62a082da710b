package dev.imps.controller.runtime;

import dev.imps.api.ApiConstants;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.util.PatchUtils;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records {@code core/v1} Events about {@code ImagePullSecret}s, as IMPS does.
 *
 * <p>The CR is cluster-scoped, so its events live in namespace {@value #EVENT_NAMESPACE} (the API
 * server accepts no other for an object without a namespace). A repeat of the same event (same CR,
 * type, reason and message) bumps {@code count} and {@code lastTimestamp} of the earlier Event
 * instead of creating a new one, so a CR that fails every resync does not flood etcd. Failures to
 * record are logged and swallowed: an event is never worth failing a reconciliation for.
 * Thread-safe.
 */
public final class KubeEventRecorder {

  /** Where events about cluster-scoped objects go, {@value}. */
  public static final String EVENT_NAMESPACE = "default";

  /** The component that reports events, {@value}. */
  public static final String COMPONENT = "imps-controller";

  static final int MAX_MESSAGE_LENGTH = 1024;
  private static final int REMEMBERED_EVENTS = 4096;
  private static final Logger LOG = LoggerFactory.getLogger(KubeEventRecorder.class);

  private final CoreV1Api core;
  private final ApiClient client;
  private final ThrottledWrites writes;
  private final String instance;
  private final Clock clock;
  private final AtomicLong lastStamp = new AtomicLong();
  private final Map<Key, Recorded> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Recorded> eldest) {
          return size() > REMEMBERED_EVENTS;
        }
      };

  private record Key(String uid, String type, String reason, String message) {}

  private record Recorded(String name, int count, OffsetDateTime first) {}

  /**
   * Creates a recorder.
   *
   * @param client the API client
   * @param writes the rate limiter all writes share
   * @param instance this process's identity, for {@code reportingInstance}
   * @param clock the clock for timestamps
   */
  public KubeEventRecorder(ApiClient client, ThrottledWrites writes, String instance, Clock clock) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.writes = writes;
    this.instance = instance;
    this.clock = clock;
  }

  /**
   * Records one event about an {@code ImagePullSecret}.
   *
   * @param crName the CR's name
   * @param crUid the CR's uid
   * @param type {@code Normal} or {@code Warning}
   * @param reason a CamelCase reason such as {@code Reconciled}
   * @param message the human-readable message; never holds credentials
   * @throws InterruptedException if interrupted while waiting for the rate limiter
   */
  public void record(String crName, String crUid, String type, String reason, String message)
      throws InterruptedException {
    String text =
        message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message;
    Key key = new Key(crUid, type, reason, text);
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    Recorded earlier;
    synchronized (recent) {
      earlier = recent.get(key);
    }
    try {
      Recorded recorded =
          earlier == null
              ? create(crName, crUid, key, now, now, 1)
              : bump(crName, key, earlier, now);
      synchronized (recent) {
        recent.put(key, recorded);
      }
    } catch (ApiException e) {
      LOG.warn(
          "cannot record {} event {} for ImagePullSecret {}: HTTP {}",
          type,
          reason,
          crName,
          e.getCode());
    }
  }

  /** The API server allows at most 128 characters. */
  private String reportingInstance() {
    String value = Objects.requireNonNullElse(instance, COMPONENT);
    return value.length() > 128 ? value.substring(0, 128) : value;
  }

  private Recorded bump(String crName, Key key, Recorded earlier, OffsetDateTime now)
      throws ApiException, InterruptedException {
    int count = earlier.count() + 1;
    String patch =
        "{\"count\":" + count + ",\"lastTimestamp\":\"" + now.toInstant().toString() + "\"}";
    try {
      writes.send(
          "patch",
          "events",
          () ->
              PatchUtils.patch(
                  CoreV1Event.class,
                  () ->
                      core.patchNamespacedEvent(earlier.name(), EVENT_NAMESPACE, new V1Patch(patch))
                          .buildCall(null),
                  V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
                  client));
      return new Recorded(earlier.name(), count, earlier.first());
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      // The earlier event expired (events live one hour by default): start a new one.
      return create(crName, key.uid(), key, now, now, 1);
    }
  }

  private Recorded create(
      String crName, String crUid, Key key, OffsetDateTime first, OffsetDateTime now, int count)
      throws ApiException, InterruptedException {
    String name =
        crName
            + "."
            + Long.toHexString(clock.millis() * 1_000_000L + System.nanoTime() % 1_000_000L);
    CoreV1Event event =
        new CoreV1Event()
            .metadata(new V1ObjectMeta().name(name).namespace(EVENT_NAMESPACE))
            .involvedObject(
                new V1ObjectReference()
                    .apiVersion(ApiConstants.API_VERSION)
                    .kind(ApiConstants.KIND)
                    .name(crName)
                    .uid(crUid))
            .type(key.type())
            .reason(key.reason())
            .message(key.message())
            .count(count)
            .firstTimestamp(first)
            .lastTimestamp(now)
            .source(new V1EventSource().component(COMPONENT))
            .reportingComponent(COMPONENT)
            .reportingInstance(reportingInstance());
    writes.send(
        "create", "events", () -> core.createNamespacedEvent(EVENT_NAMESPACE, event).execute());
    return new Recorded(name, count, first);
  }
}
