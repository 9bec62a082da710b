package dev.imps.controller.runtime;

import dev.imps.api.ApiConstants;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.informer.cache.Cache;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Informers for exactly the secrets that {@code ImagePullSecret}s reference, so the operator never
 * caches all Secrets of the cluster.
 *
 * <p>Two kinds of watch, each one informer narrowed by a field selector on {@code metadata.name}: a
 * <em>source</em> watch on one secret in one namespace (cached with its data, since imps renders
 * from it), and a <em>target name</em> watch on every secret with the target name in any namespace
 * that lacks imps's owner label (cached without data: imps only needs to know that a secret it does
 * not own is in the way; its own copies are in the copies cache). The set of watches follows the
 * CRs: {@link #watchExactly(Set)} starts new ones and stops the rest.
 *
 * <p>Thread-safe.
 */
final class ReferencedSecrets implements AutoCloseable {

  /**
   * One watch.
   *
   * @param namespace the source's namespace, or {@code null} for a target name in every namespace
   * @param name the secret name
   */
  record Watch(String namespace, String name) {

    static Watch source(String namespace, String name) {
      return new Watch(namespace, name);
    }

    static Watch targetName(String name) {
      return new Watch(null, name);
    }

    boolean isSource() {
      return namespace != null;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReferencedSecrets.class);

  /** Label selector of secrets without imps's owner label: the target-name watch's filter. */
  static final String NOT_OWNED = "!" + ApiConstants.OWNER_UID_LABEL;

  private final ApiClient client;
  private final CoreV1Api core;
  private final Consumer<V1Secret> onChange;
  private final Map<Watch, SharedIndexInformer<V1Secret>> informers = new HashMap<>();
  private boolean closed;

  /**
   * Creates the set, with no watch yet.
   *
   * @param client the client; read timeout 0
   * @param onChange called with every added, changed or deleted secret
   */
  ReferencedSecrets(ApiClient client, Consumer<V1Secret> onChange) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.onChange = onChange;
  }

  /**
   * Makes the running watches exactly {@code wanted}.
   *
   * @param wanted the watches the current CRs need
   */
  synchronized void watchExactly(Set<Watch> wanted) {
    if (closed) {
      return;
    }
    informers
        .entrySet()
        .removeIf(
            entry -> {
              if (wanted.contains(entry.getKey())) {
                return false;
              }
              LOG.debug("stop watching secret {}", entry.getKey());
              entry.getValue().stop();
              return true;
            });
    for (Watch watch : wanted) {
      if (!informers.containsKey(watch)) {
        LOG.debug("start watching secret {}", watch);
        SharedIndexInformer<V1Secret> informer = newInformer(watch);
        informers.put(watch, informer);
        informer.run();
      }
    }
  }

  /**
   * Adds watches without stopping any, so a CR seen for the first time is covered before it is
   * reconciled.
   *
   * @param wanted watches to have
   */
  synchronized void watchAlso(Set<Watch> wanted) {
    if (closed) {
      return;
    }
    for (Watch watch : wanted) {
      if (!informers.containsKey(watch)) {
        SharedIndexInformer<V1Secret> informer = newInformer(watch);
        informers.put(watch, informer);
        informer.run();
      }
    }
  }

  /**
   * Looks a secret up in the watch that covers it: the source watch if there is one (with data),
   * else the target-name watch (without data).
   *
   * @param namespace the namespace
   * @param name the name
   * @return empty if no synced watch covers the secret; otherwise the cached secret, or an empty
   *     inner optional if it does not exist
   */
  synchronized Optional<Optional<V1Secret>> lookup(String namespace, String name) {
    String key = namespace + "/" + name;
    SharedIndexInformer<V1Secret> covering = informers.get(Watch.source(namespace, name));
    if (covering == null) {
      covering = informers.get(Watch.targetName(name));
    }
    if (covering == null || !covering.hasSynced()) {
      return Optional.empty();
    }
    return Optional.of(Optional.ofNullable(covering.getIndexer().getByKey(key)));
  }

  /**
   * Tells whether every running watch has listed once.
   *
   * @return true when all are synced
   */
  synchronized boolean hasSynced() {
    return informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /**
   * Returns the running watches.
   *
   * @return a copy of the set
   */
  synchronized Set<Watch> watches() {
    return Set.copyOf(informers.keySet());
  }

  /**
   * Counts the secrets these watches cache (imps's own copies are not among them).
   *
   * @return the number of cached secrets
   */
  synchronized int cachedSecrets() {
    return informers.values().stream().mapToInt(i -> i.getIndexer().list().size()).sum();
  }

  @Override
  public synchronized void close() {
    closed = true;
    informers.values().forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  private SharedIndexInformer<V1Secret> newInformer(Watch watch) {
    String fieldSelector = "metadata.name=" + watch.name();
    SharedIndexInformer<V1Secret> informer =
        new DefaultSharedIndexInformer<>(
            V1Secret.class,
            ListerWatchers.typed(
                client,
                V1Secret.class,
                V1SecretList.class,
                params ->
                    watch.isSource()
                        ? core.listNamespacedSecret(watch.namespace())
                            .fieldSelector(fieldSelector)
                            .resourceVersion(params.resourceVersion)
                            .timeoutSeconds(params.timeoutSeconds)
                            .watch(params.watch)
                            .allowWatchBookmarks(params.watch)
                            .buildCall(null)
                        : core.listSecretForAllNamespaces()
                            .fieldSelector(fieldSelector)
                            // imps's own copies are in the copies cache already; caching them
                            // here too would keep every copy twice.
                            .labelSelector(NOT_OWNED)
                            .resourceVersion(params.resourceVersion)
                            .timeoutSeconds(params.timeoutSeconds)
                            .watch(params.watch)
                            .allowWatchBookmarks(params.watch)
                            .buildCall(null)),
            0L,
            new Cache<>(),
            ClusterCaches::logListWatchError);
    TransformFunc transform =
        watch.isSource() ? CacheTransforms.SECRET : CacheTransforms.SECRET_WITHOUT_DATA;
    informer.setTransform(transform);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(V1Secret secret) {
            onChange.accept(secret);
          }

          @Override
          public void onUpdate(V1Secret before, V1Secret after) {
            if (!resourceVersion(before).equals(resourceVersion(after))) {
              onChange.accept(after);
            }
          }

          @Override
          public void onDelete(V1Secret secret, boolean finalStateUnknown) {
            onChange.accept(secret);
          }
        });
    return informer;
  }

  private static String resourceVersion(V1Secret secret) {
    return secret.getMetadata() == null || secret.getMetadata().getResourceVersion() == null
        ? ""
        : secret.getMetadata().getResourceVersion();
  }
}
