package dev.imps.controller.runtime;

import dev.imps.api.ApiConstants;
import dev.imps.api.mapping.InvalidSpecException;
import dev.imps.api.mapping.NamespaceRuleMapper;
import dev.imps.api.mapping.SpecValidator;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.NamespacedName;
import dev.imps.controller.reconcile.RuleIndex;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import dev.imps.selector.PodView;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decides which {@code ImagePullSecret}s an informer event concerns, and enqueues only those: a
 * full pass for changes that concern the whole object, a namespace pass (one namespace's part of
 * the plan, see {@code Reconciler#reconcileNamespace}) for changes inside one namespace.
 *
 * <ul>
 *   <li>a CR: a full pass when its generation changes (not on status writes), and when it is
 *       deleted;
 *   <li>a namespace: a namespace pass for the CRs whose namespace-clause verdict flips, looked up
 *       in a {@link RuleIndex} so that CRs that cannot care are not evaluated; on a change of its
 *       terminating state, for those that match it and the owners of copies in it;
 *   <li>a pod: only on create, delete or a label or annotation change; only for CRs with pod
 *       clauses that the pod's namespace does not already satisfy by namespace clauses; and only
 *       when the pod matches a pod clause before or after and no other pod in the namespace does
 *       (the namespace's clause flips): a namespace pass;
 *   <li>a copy (owner label): a namespace pass for its owner, so edits and deletes by others are
 *       repaired at once; a full pass of the owner's name if the owner is gone (the sweep);
 *   <li>a source: a full pass of the CRs that reference it; a target-name namesake: a namespace
 *       pass;
 *   <li>a ServiceAccount: a namespace pass of the CRs that patch ServiceAccounts of that name.
 * </ul>
 *
 * <p>Thread-safe; handlers run on informer threads.
 */
final class WorkRouting {

  private record RuleKey(String uid, Long generation) {}

  private final ClusterCaches caches;
  private final Consumer<String> enqueue;
  private final BiConsumer<String, String> enqueueNamespace;
  private final Map<RuleKey, Optional<NamespaceRule>> rules = new ConcurrentHashMap<>();
  private final AtomicLong ruleChanges = new AtomicLong();
  private volatile IndexAt index;

  /** The rule index as of a number of CR changes. */
  private record IndexAt(long changes, RuleIndex rules) {}

  /** Routes namespace passes as full passes: for tests that only look at which CRs are queued. */
  WorkRouting(ClusterCaches caches, Consumer<String> enqueue) {
    this(caches, enqueue, (name, namespace) -> enqueue.accept(name), () -> true);
  }

  /**
   * Creates the routing.
   *
   * @param caches the informer caches
   * @param enqueue queues a full pass of a CR
   * @param enqueueNamespace queues a namespace pass of a CR
   * @param started whether the start-up full passes are queued: namespace passes before that are
   *     dropped, since those full passes cover them (the initial lists would otherwise queue one
   *     namespace pass per namespace, pod and ServiceAccount)
   */
  WorkRouting(
      ClusterCaches caches,
      Consumer<String> enqueue,
      BiConsumer<String, String> enqueueNamespace,
      BooleanSupplier started) {
    this.caches = caches;
    this.enqueue = enqueue;
    this.enqueueNamespace =
        (name, namespace) -> {
          if (started.getAsBoolean()) {
            enqueueNamespace.accept(name, namespace);
          }
        };
  }

  /** Re-points the secret watches at what the CRs now reference. */
  void refreshWatches() {
    Set<ReferencedSecrets.Watch> wanted = new HashSet<>();
    for (ImagePullSecret cr : caches.imagePullSecrets.getIndexer().list()) {
      wanted.addAll(watchesOf(cr));
    }
    caches.referenced.watchExactly(wanted);
  }

  /**
   * The watches one CR needs. A CR whose spec is invalid needs none: nothing about it may reach a
   * watch or a field selector (a name like {@code a,b}, accepted by the original IMPS CRD, would
   * make the watch fail forever and keep every cache from syncing). It only gets its status.
   */
  static Set<ReferencedSecrets.Watch> watchesOf(ImagePullSecret cr) {
    Set<ReferencedSecrets.Watch> watches = new HashSet<>();
    if (cr.getSpec() == null || !isValid(cr)) {
      return watches;
    }
    if (cr.getSpec().getRegistry() != null && cr.getSpec().getRegistry().getCredentials() != null) {
      for (NamespacedName source : cr.getSpec().getRegistry().getCredentials()) {
        if (source != null && notBlank(source.getNamespace()) && notBlank(source.getName())) {
          watches.add(ReferencedSecrets.Watch.source(source.getNamespace(), source.getName()));
        }
      }
    }
    targetName(cr).ifPresent(name -> watches.add(ReferencedSecrets.Watch.targetName(name)));
    return watches;
  }

  ResourceEventHandler<ImagePullSecret> imagePullSecrets() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(ImagePullSecret cr) {
        ruleChanges.incrementAndGet();
        caches.referenced.watchAlso(watchesOf(cr));
        enqueue.accept(cr.getMetadata().getName());
      }

      @Override
      public void onUpdate(ImagePullSecret before, ImagePullSecret after) {
        if (Objects.equals(
                before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
            && Objects.equals(
                before.getMetadata().getDeletionTimestamp(),
                after.getMetadata().getDeletionTimestamp())
            && Objects.equals(before.getMetadata().getUid(), after.getMetadata().getUid())) {
          return;
        }
        ruleChanges.incrementAndGet();
        refreshWatches();
        enqueue.accept(after.getMetadata().getName());
      }

      @Override
      public void onDelete(ImagePullSecret cr, boolean finalStateUnknown) {
        rules.keySet().removeIf(key -> key.uid().equals(cr.getMetadata().getUid()));
        ruleChanges.incrementAndGet();
        refreshWatches();
        enqueue.accept(cr.getMetadata().getName());
      }
    };
  }

  ResourceEventHandler<V1Namespace> namespaces() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(V1Namespace namespace) {
        NamespaceView view = Snapshots.namespace(namespace).view();
        index()
            .matchingBeforeOrAfter(null, view)
            .forEach(name -> enqueueNamespace.accept(name, view.name()));
      }

      @Override
      public void onUpdate(V1Namespace before, V1Namespace after) {
        V1ObjectMeta old = before.getMetadata();
        V1ObjectMeta now = after.getMetadata();
        boolean terminatingChanged =
            Snapshots.isTerminating(before) != Snapshots.isTerminating(after);
        if (!terminatingChanged
            && Objects.equals(old.getLabels(), now.getLabels())
            && Objects.equals(old.getAnnotations(), now.getAnnotations())) {
          return;
        }
        NamespaceView oldView = Snapshots.namespace(before).view();
        NamespaceView newView = Snapshots.namespace(after).view();
        RuleIndex rules = index();
        (terminatingChanged
                ? rules.matchingBeforeOrAfter(oldView, newView)
                : rules.flipped(oldView, newView))
            .forEach(name -> enqueueNamespace.accept(name, now.getName()));
        if (terminatingChanged) {
          ownersOfCopiesIn(now.getName());
        }
      }

      @Override
      public void onDelete(V1Namespace namespace, boolean finalStateUnknown) {
        ownersOfCopiesIn(namespace.getMetadata().getName());
      }
    };
  }

  ResourceEventHandler<PartialObjectMetadata> pods() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(PartialObjectMetadata pod) {
        podChanged(null, pod);
      }

      @Override
      public void onUpdate(PartialObjectMetadata before, PartialObjectMetadata after) {
        if (Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
            && Objects.equals(
                before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations())) {
          return;
        }
        podChanged(before, after);
      }

      @Override
      public void onDelete(PartialObjectMetadata pod, boolean finalStateUnknown) {
        podChanged(pod, null);
      }
    };
  }

  private void podChanged(PartialObjectMetadata before, PartialObjectMetadata after) {
    PartialObjectMetadata any = after != null ? after : before;
    if (!CacheTransforms.hasMetadata(any)) {
      return;
    }
    String namespaceName = any.getMetadata().getNamespace();
    V1Namespace namespace = caches.namespaces.getIndexer().getByKey(namespaceName);
    NamespaceView namespaceView = namespace == null ? null : Snapshots.namespace(namespace).view();
    PodView oldView = before == null ? null : Snapshots.pod(before);
    PodView newView = after == null ? null : Snapshots.pod(after);
    index()
        .podClauseFlips(namespaceView, oldView, newView)
        .forEach(
            (name, rule) -> {
              if (!anotherPodMatches(namespaceName, any, rule)) {
                enqueueNamespace.accept(name, namespaceName);
              }
            });
  }

  /**
   * Tells whether a pod other than the given one matches the rule's pod clause in the namespace, so
   * the namespace's clause holds before and after the pod's change and no pass is needed. The look
   * stops at the first match: it is long only when the clause really flips, and then the namespace
   * pass looks at the same pods anyway.
   */
  private boolean anotherPodMatches(
      String namespace, PartialObjectMetadata pod, NamespaceRule rule) {
    String podName = pod.getMetadata().getName();
    for (PartialObjectMetadata other :
        caches.pods.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace)) {
      if (CacheTransforms.hasMetadata(other)
          && !Objects.equals(podName, other.getMetadata().getName())
          && rule.evaluatePod(Snapshots.pod(other)).matched()) {
        return true;
      }
    }
    return false;
  }

  ResourceEventHandler<V1Secret> copies() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(V1Secret copy) {
        // A copy appears when imps creates it; the start-up pass covers the initial list.
      }

      @Override
      public void onUpdate(V1Secret before, V1Secret after) {
        if (Objects.equals(
            before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
          return;
        }
        ownerOf(before);
        ownerOf(after);
        sameTargetName(after);
      }

      @Override
      public void onDelete(V1Secret copy, boolean finalStateUnknown) {
        ownerOf(copy);
        sameTargetName(copy);
      }
    };
  }

  /** A source or target-name secret changed. */
  void referencedSecretChanged(V1Secret secret) {
    referencedSecretChanged(secret, enqueue);
  }

  /**
   * A source or target-name secret changed; the CRs that reference it go to {@code to}, e.g. a
   * delayed enqueue that debounces a delete followed by a re-create.
   */
  void referencedSecretChanged(V1Secret secret, Consumer<String> to) {
    if (!CacheTransforms.hasMetadata(secret)) {
      return;
    }
    String namespace = secret.getMetadata().getNamespace();
    String name = secret.getMetadata().getName();
    for (ImagePullSecret cr : caches.imagePullSecrets.getIndexer().list()) {
      Set<ReferencedSecrets.Watch> watches = watchesOf(cr);
      if (watches.contains(ReferencedSecrets.Watch.source(namespace, name))) {
        to.accept(cr.getMetadata().getName());
      } else if (watches.contains(ReferencedSecrets.Watch.targetName(name))) {
        enqueueNamespace.accept(cr.getMetadata().getName(), namespace);
      }
    }
  }

  ResourceEventHandler<V1ServiceAccount> serviceAccounts() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(V1ServiceAccount account) {
        accountChanged(account);
      }

      @Override
      public void onUpdate(V1ServiceAccount before, V1ServiceAccount after) {
        if (Objects.equals(before.getImagePullSecrets(), after.getImagePullSecrets())
            && Objects.equals(
                before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations())) {
          return;
        }
        accountChanged(after);
      }

      @Override
      public void onDelete(V1ServiceAccount account, boolean finalStateUnknown) {}
    };
  }

  private void accountChanged(V1ServiceAccount account) {
    String name = account.getMetadata().getName();
    String namespace = account.getMetadata().getNamespace();
    for (ImagePullSecret cr : caches.imagePullSecrets.getIndexer().list()) {
      if (cr.getSpec() != null
          && cr.getSpec().getTarget() != null
          && cr.getSpec().getTarget().getServiceAccounts() != null
          && cr.getSpec().getTarget().getServiceAccounts().getNames() != null
          && cr.getSpec().getTarget().getServiceAccounts().getNames().contains(name)) {
        enqueueNamespace.accept(cr.getMetadata().getName(), namespace);
      }
    }
  }

  private void ownersOfCopiesIn(String namespace) {
    for (V1Secret copy : caches.copies.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace)) {
      ownerOf(copy);
    }
  }

  /**
   * Enqueues the CR named by a copy's owner label, or by its owner reference if that CR is gone.
   */
  private void ownerOf(V1Secret copy) {
    if (!CacheTransforms.hasMetadata(copy)) {
      return;
    }
    String uid = ClusterCaches.ownerUid(copy);
    if (uid != null) {
      List<ImagePullSecret> owners =
          caches.imagePullSecrets.getIndexer().byIndex(ClusterCaches.BY_UID, uid);
      if (!owners.isEmpty()) {
        String namespace = copy.getMetadata().getNamespace();
        owners.forEach(owner -> enqueueNamespace.accept(owner.getMetadata().getName(), namespace));
        return;
      }
    }
    List<V1OwnerReference> references = copy.getMetadata().getOwnerReferences();
    if (references != null) {
      for (V1OwnerReference reference : references) {
        if (ApiConstants.KIND.equals(reference.getKind()) && notBlank(reference.getName())) {
          // The owner is gone: reconciling its name sweeps what it left behind.
          enqueue.accept(reference.getName());
        }
      }
    }
  }

  private void sameTargetName(V1Secret secret) {
    String name = secret.getMetadata().getName();
    String namespace = secret.getMetadata().getNamespace();
    for (ImagePullSecret cr : caches.imagePullSecrets.getIndexer().list()) {
      if (targetName(cr).map(name::equals).orElse(false)) {
        enqueueNamespace.accept(cr.getMetadata().getName(), namespace);
      }
    }
  }

  /**
   * The valid CRs' rules, indexed; rebuilt on the first event after a CR was added, changed or
   * deleted (CR events are rare next to namespace and pod events).
   */
  private RuleIndex index() {
    long changes = ruleChanges.get();
    IndexAt current = index;
    if (current != null && current.changes() == changes) {
      return current.rules();
    }
    Map<String, NamespaceRule> byName = new HashMap<>();
    for (ImagePullSecret cr : caches.imagePullSecrets.getIndexer().list()) {
      rule(cr).ifPresent(rule -> byName.put(cr.getMetadata().getName(), rule));
    }
    RuleIndex fresh = RuleIndex.of(byName);
    // A CR change during the build bumps the count, so the next event builds again.
    index = new IndexAt(changes, fresh);
    return fresh;
  }

  private Optional<NamespaceRule> rule(ImagePullSecret cr) {
    V1ObjectMeta metadata = cr.getMetadata();
    RuleKey key = new RuleKey(String.valueOf(metadata.getUid()), metadata.getGeneration());
    Optional<NamespaceRule> cached = rules.get(key);
    if (cached != null) {
      return cached;
    }
    rules.keySet().removeIf(other -> other.uid().equals(key.uid()));
    Optional<NamespaceRule> fresh;
    try {
      fresh = Optional.of(NamespaceRuleMapper.toRule(cr));
    } catch (InvalidSpecException e) {
      fresh = Optional.empty();
    }
    rules.put(key, fresh);
    return fresh;
  }

  private static boolean isValid(ImagePullSecret cr) {
    try {
      SpecValidator.requireValid(cr);
      return true;
    } catch (InvalidSpecException e) {
      return false;
    }
  }

  private static Optional<String> targetName(ImagePullSecret cr) {
    if (cr.getSpec() == null
        || cr.getSpec().getTarget() == null
        || cr.getSpec().getTarget().getSecret() == null
        || !notBlank(cr.getSpec().getTarget().getSecret().getName())) {
      return Optional.empty();
    }
    return Optional.of(cr.getSpec().getTarget().getSecret().getName());
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
