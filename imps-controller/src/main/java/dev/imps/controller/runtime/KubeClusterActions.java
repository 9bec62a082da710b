package dev.imps.controller.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.imps.api.ApiConstants;
import dev.imps.controller.reconcile.ClusterActions;
import dev.imps.controller.reconcile.DesiredSecret;
import dev.imps.controller.reconcile.EventRecord;
import dev.imps.controller.reconcile.SecretPatch;
import dev.imps.controller.reconcile.SecretRef;
import dev.imps.controller.reconcile.ServiceAccountPatch;
import dev.imps.controller.reconcile.StatusPatch;
import dev.imps.controller.reconcile.WriteResult;
import dev.imps.controller.reconcile.WriteResult.Outcome;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.PatchUtils;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciler's writes, sent to the API server through {@link ThrottledWrites} (client-side rate
 * limit, 429 retries, metrics).
 *
 * <p>Patches are JSON merge patches built from plain maps, serialised with explicit {@code null}s
 * (a {@code null} removes a key); client-java's typed models would send empty {@code data} and
 * {@code labels}. The status goes to the {@code /status} subresource as a merge patch, because
 * client-java 25's {@code GenericKubernetesApi.updateStatus} sends a content type the API server
 * refuses (415). Deletes carry the cached uid as a precondition.
 *
 * <p>No request body ever reaches a log line or a {@link WriteResult} message. Thread-safe.
 */
final class KubeClusterActions implements ClusterActions {

  /** The field manager of every write, {@value}. */
  static final String FIELD_MANAGER = "imps-controller";

  private static final Logger LOG = LoggerFactory.getLogger(KubeClusterActions.class);
  private static final Gson PATCH_JSON = new GsonBuilder().serializeNulls().create();

  private final AtomicBoolean unreachable = new AtomicBoolean();
  private final ApiClient client;
  private final CoreV1Api core;
  private final CustomObjectsApi custom;
  private final ThrottledWrites writes;
  private final KubeEventRecorder events;

  KubeClusterActions(ApiClient client, ThrottledWrites writes, KubeEventRecorder events) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.custom = new CustomObjectsApi(client);
    this.writes = writes;
    this.events = events;
  }

  @Override
  public WriteResult createSecret(DesiredSecret secret) {
    SecretRef ref = secret.ref();
    return send(
        "create",
        "secrets",
        "secret " + ref,
        () -> {
          V1Secret body =
              client.getJSON().deserialize(PATCH_JSON.toJson(secret.manifest()), V1Secret.class);
          body.setStringData(null);
          body.getMetadata().setManagedFields(null);
          body.getMetadata().setFinalizers(null);
          return core.createNamespacedSecret(ref.namespace(), body)
              .fieldManager(FIELD_MANAGER)
              .execute();
        });
  }

  @Override
  public WriteResult patchSecret(SecretPatch patch) {
    SecretRef ref = patch.ref();
    String json = PATCH_JSON.toJson(patch.body());
    return send(
        "patch",
        "secrets",
        "secret " + ref,
        () ->
            PatchUtils.patch(
                V1Secret.class,
                () ->
                    core.patchNamespacedSecret(ref.name(), ref.namespace(), new V1Patch(json))
                        .fieldManager(FIELD_MANAGER)
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client));
  }

  @Override
  public WriteResult deleteSecret(SecretRef ref, String uid) {
    V1DeleteOptions options = new V1DeleteOptions();
    if (uid != null && !uid.isEmpty()) {
      options.preconditions(new V1Preconditions().uid(uid));
    }
    return send(
        "delete",
        "secrets",
        "secret " + ref,
        () -> core.deleteNamespacedSecret(ref.name(), ref.namespace()).body(options).execute());
  }

  @Override
  public WriteResult patchServiceAccount(ServiceAccountPatch patch) {
    String json = PATCH_JSON.toJson(patch.body());
    return send(
        "patch",
        "serviceaccounts",
        "service account " + patch.namespace() + "/" + patch.name(),
        () ->
            PatchUtils.patch(
                V1ServiceAccount.class,
                () ->
                    core.patchNamespacedServiceAccount(
                            patch.name(), patch.namespace(), new V1Patch(json))
                        .fieldManager(FIELD_MANAGER)
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client));
  }

  @Override
  public WriteResult patchStatus(StatusPatch patch) {
    String json = PATCH_JSON.toJson(patch.body());
    return send(
        "patch",
        "imagepullsecrets/status",
        ApiConstants.SINGULAR + " " + patch.name() + " status",
        () ->
            PatchUtils.patch(
                Object.class,
                () ->
                    custom
                        .patchClusterCustomObjectStatus(
                            ApiConstants.GROUP,
                            ApiConstants.VERSION,
                            ApiConstants.PLURAL,
                            patch.name(),
                            new V1Patch(json))
                        .fieldManager(FIELD_MANAGER)
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client));
  }

  @Override
  public void recordEvent(EventRecord event) {
    try {
      events.record(
          event.objectName(), event.objectUid(), event.type(), event.reason(), event.message());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private WriteResult send(
      String verb, String resource, String what, ThrottledWrites.Write<?> write) {
    try {
      writes.send(verb, resource, write);
      LOG.debug("{} {}", verb, what);
      if (unreachable.getAndSet(false)) {
        LOG.info("the API server answers writes again");
      }
      return WriteResult.applied();
    } catch (ApiException e) {
      WriteResult result = classify(verb, e);
      boolean away = e.getCode() == 0 || e.getCode() == 503;
      if (result.outcome() == Outcome.FAILED && away) {
        // One line per outage, not one per retry of every write.
        if (unreachable.compareAndSet(false, true)) {
          LOG.warn(
              "cannot {} {}: {}; writes are retried, further failures logged at debug until the"
                  + " API server answers",
              verb,
              what,
              result.message());
        } else {
          LOG.debug("cannot {} {}: {}", verb, what, result.message());
        }
      } else if (result.outcome() == Outcome.FAILED) {
        LOG.warn("cannot {} {}: {}", verb, what, result.message());
      } else {
        LOG.debug("{} {}: {} ({})", verb, what, result.outcome(), result.message());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return WriteResult.of(Outcome.FAILED, "interrupted before " + verb + " " + what);
    }
  }

  static WriteResult classify(String verb, ApiException e) {
    String message = ApiErrors.describe(e);
    switch (e.getCode()) {
      case 404:
        return WriteResult.of(Outcome.NOT_FOUND, message);
      case 409:
        return WriteResult.of(
            "create".equals(verb) && isAlreadyExists(e) ? Outcome.ALREADY_EXISTS : Outcome.CONFLICT,
            message);
      case 403:
        if (ApiErrors.isNamespaceTerminating(e)) {
          return WriteResult.of(Outcome.NAMESPACE_TERMINATING, message);
        }
        return WriteResult.of(Outcome.FAILED, message);
      case 429:
        return WriteResult.throttled(
            message,
            ThrottledWrites.retryAfter(e.getResponseHeaders())
                .orElse(ThrottledWrites.DEFAULT_RETRY_AFTER));
      default:
        return WriteResult.of(Outcome.FAILED, message);
    }
  }

  private static boolean isAlreadyExists(ApiException e) {
    return ApiErrors.reason(e).map("AlreadyExists"::equals).orElse(true);
  }

  /**
   * Returns the JSON text of a patch body, as sent.
   *
   * @param body the patch
   * @return JSON with explicit nulls
   */
  static String toJson(Map<String, Object> body) {
    return PATCH_JSON.toJson(body);
  }
}
