package dev.imps.controller.runtime;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretList;
import dev.imps.controller.reconcile.ReconcileConstants;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceList;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServiceAccountList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's informer caches, each as narrow as the reconciler allows:
 *
 * <ul>
 *   <li>{@code ImagePullSecret}s, indexed by uid;
 *   <li>Namespaces, without spec;
 *   <li>Pods as metadata only: listed and watched as {@code PartialObjectMetadata}, then reduced to
 *       name, labels and annotations;
 *   <li>copies: Secrets with the owner label (a label selector), indexed by owner uid;
 *   <li>ServiceAccounts, without token references, indexed by whether imps patched them (only with
 *       ServiceAccount patching enabled; {@code null} otherwise);
 *   <li>{@link ReferencedSecrets}: the sources and target names the CRs reference.
 * </ul>
 *
 * <p>No other Secret is ever listed or watched.
 */
final class ClusterCaches implements AutoCloseable {

  /** Index of CRs by {@code metadata.uid}. */
  static final String BY_UID = "uid";

  /** Index of copies by owner label value. */
  static final String BY_OWNER = "owner";

  /** Index of service accounts imps patched; the only key is {@link #PATCHED}. */
  static final String BY_PATCHED = "patched";

  static final String PATCHED = "yes";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterCaches.class);
  private static final Duration ERROR_LOG_INTERVAL = Duration.ofSeconds(30);
  private static final Map<String, Long> LAST_ERROR_LOG = new ConcurrentHashMap<>();

  final SharedInformerFactory factory;
  final SharedIndexInformer<ImagePullSecret> imagePullSecrets;
  final SharedIndexInformer<V1Namespace> namespaces;
  final SharedIndexInformer<PartialObjectMetadata> pods;
  final SharedIndexInformer<V1Secret> copies;
  final SharedIndexInformer<V1ServiceAccount> serviceAccounts;
  final ReferencedSecrets referenced;

  ClusterCaches(
      ApiClient client, boolean watchServiceAccounts, Consumer<V1Secret> onReferencedSecret) {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newCachedThreadPool(
            runnable -> new Thread(runnable, "imps-informer-" + threads.incrementAndGet()));
    factory = new SharedInformerFactory(client, pool, false);
    CoreV1Api core = new CoreV1Api(client);
    CustomObjectsApi custom = new CustomObjectsApi(client);

    imagePullSecrets =
        factory.sharedIndexInformerFor(
            ListerWatchers.typed(
                client,
                ImagePullSecret.class,
                ImagePullSecretList.class,
                params ->
                    custom
                        .listClusterCustomObject(
                            ApiConstants.GROUP, ApiConstants.VERSION, ApiConstants.PLURAL)
                        .resourceVersion(params.resourceVersion)
                        .timeoutSeconds(params.timeoutSeconds)
                        .watch(params.watch)
                        .allowWatchBookmarks(params.watch)
                        .buildCall(null)),
            ImagePullSecret.class,
            0L,
            ClusterCaches::logListWatchError);
    imagePullSecrets.addIndexers(
        Map.of(
            BY_UID,
            cr ->
                cr.getMetadata() == null || cr.getMetadata().getUid() == null
                    ? List.of()
                    : List.of(cr.getMetadata().getUid())));

    namespaces =
        factory.sharedIndexInformerFor(
            ListerWatchers.typed(
                client,
                V1Namespace.class,
                V1NamespaceList.class,
                params ->
                    core.listNamespace()
                        .resourceVersion(params.resourceVersion)
                        .timeoutSeconds(params.timeoutSeconds)
                        .watch(params.watch)
                        .allowWatchBookmarks(params.watch)
                        .buildCall(null)),
            V1Namespace.class,
            0L,
            ClusterCaches::logListWatchError);
    namespaces.setTransform(CacheTransforms.NAMESPACE);

    pods =
        factory.sharedIndexInformerFor(
            ListerWatchers.metadataOnly(
                client,
                params ->
                    core.listPodForAllNamespaces()
                        .resourceVersion(params.resourceVersion)
                        .timeoutSeconds(params.timeoutSeconds)
                        .watch(params.watch)
                        .allowWatchBookmarks(params.watch)
                        .buildCall(null),
                CacheTransforms.POD_METADATA),
            PartialObjectMetadata.class,
            0L,
            ClusterCaches::logListWatchError);
    pods.setTransform(CacheTransforms.POD_METADATA);

    copies =
        factory.sharedIndexInformerFor(
            ListerWatchers.typed(
                client,
                V1Secret.class,
                V1SecretList.class,
                params ->
                    core.listSecretForAllNamespaces()
                        .labelSelector(ApiConstants.OWNER_UID_LABEL)
                        .resourceVersion(params.resourceVersion)
                        .timeoutSeconds(params.timeoutSeconds)
                        .watch(params.watch)
                        .allowWatchBookmarks(params.watch)
                        .buildCall(null)),
            V1Secret.class,
            0L,
            ClusterCaches::logListWatchError);
    copies.setTransform(CacheTransforms.SECRET);
    copies.addIndexers(
        Map.of(
            BY_OWNER,
            secret -> {
              String owner = ownerUid(secret);
              return owner == null ? List.of() : List.of(owner);
            }));

    serviceAccounts = watchServiceAccounts ? serviceAccountInformer(client, core) : null;
    referenced = new ReferencedSecrets(client, onReferencedSecret);
  }

  private SharedIndexInformer<V1ServiceAccount> serviceAccountInformer(
      ApiClient client, CoreV1Api core) {
    SharedIndexInformer<V1ServiceAccount> serviceAccounts =
        factory.sharedIndexInformerFor(
            ListerWatchers.typed(
                client,
                V1ServiceAccount.class,
                V1ServiceAccountList.class,
                params ->
                    core.listServiceAccountForAllNamespaces()
                        .resourceVersion(params.resourceVersion)
                        .timeoutSeconds(params.timeoutSeconds)
                        .watch(params.watch)
                        .allowWatchBookmarks(params.watch)
                        .buildCall(null)),
            V1ServiceAccount.class,
            0L,
            ClusterCaches::logListWatchError);
    serviceAccounts.setTransform(CacheTransforms.SERVICE_ACCOUNT);
    serviceAccounts.addIndexers(
        Map.of(
            BY_PATCHED,
            account -> {
              Map<String, String> annotations = account.getMetadata().getAnnotations();
              String added =
                  annotations == null
                      ? null
                      : annotations.get(ReconcileConstants.ADDED_PULL_SECRETS_ANNOTATION);
              return added == null || added.isEmpty() ? List.of() : List.of(PATCHED);
            }));
    return serviceAccounts;
  }

  /** Starts every informer; they list, then watch, and re-list after errors on their own. */
  void start() {
    factory.startAllRegisteredInformers();
  }

  /**
   * Tells whether every informer has listed once.
   *
   * @return true once the caches can answer
   */
  boolean hasSynced() {
    return imagePullSecrets.hasSynced()
        && namespaces.hasSynced()
        && pods.hasSynced()
        && copies.hasSynced()
        && (serviceAccounts == null || serviceAccounts.hasSynced())
        && referenced.hasSynced();
  }

  @Override
  public void close() {
    referenced.close();
    factory.stopAllRegisteredInformers(true);
  }

  static String ownerUid(V1Secret secret) {
    if (secret.getMetadata() == null || secret.getMetadata().getLabels() == null) {
      return null;
    }
    return secret.getMetadata().getLabels().get(ApiConstants.OWNER_UID_LABEL);
  }

  /**
   * Logs a failed list or watch without the response body client-java puts in the message; at warn
   * level at most every {@link #ERROR_LOG_INTERVAL} per type (the reflector retries every second),
   * otherwise at debug.
   */
  static <T> void logListWatchError(Class<T> type, Throwable error) {
    String reason =
        error instanceof ApiException api
            ? ApiErrors.describe(api)
            : error.getClass().getSimpleName();
    long now = System.nanoTime();
    Long last = LAST_ERROR_LOG.get(type.getName());
    if (last == null || now - last > ERROR_LOG_INTERVAL.toNanos()) {
      LAST_ERROR_LOG.put(type.getName(), now);
      LOG.warn("list/watch of {} failed, retrying: {}", type.getSimpleName(), reason);
    } else {
      LOG.debug("list/watch of {} failed, retrying: {}", type.getSimpleName(), reason);
    }
  }
}
