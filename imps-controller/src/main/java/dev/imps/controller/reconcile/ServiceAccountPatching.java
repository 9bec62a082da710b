package dev.imps.controller.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The opt-in ServiceAccount step: adds the target secret to the {@code imagePullSecrets} of the
 * ServiceAccounts named in {@code spec.target.serviceAccounts} in every namespace that holds the
 * copy, and removes only what imps added (recorded in {@link AddedPullSecrets}) where the copy is
 * no longer wanted, the ServiceAccount is no longer named, the secret was renamed, or the {@code
 * ImagePullSecret} is gone.
 *
 * <p>A reference that was already there when imps came (added by hand) is neither claimed nor ever
 * removed. ServiceAccounts that do not exist are skipped. Stateless.
 */
public final class ServiceAccountPatching {

  private ServiceAccountPatching() {}

  /**
   * Plans the patches for one {@code ImagePullSecret}.
   *
   * @param spec the resolved spec
   * @param namespaces the namespaces where its copy is (or is about to be) in place
   * @param state the cluster as cached
   * @return one patch per ServiceAccount that must change, ordered by namespace and name
   */
  public static List<ServiceAccountPatch> plan(
      ResolvedSpec spec, Set<String> namespaces, ClusterState state) {
    Map<String, ServiceAccountSnapshot> touched = new LinkedHashMap<>();
    for (ServiceAccountSnapshot account : state.serviceAccountsPatchedByImps()) {
      if (!AddedPullSecrets.of(account).namesHeldBy(spec.uid()).isEmpty()) {
        touched.put(key(account), account);
      }
    }
    for (String namespace : namespaces) {
      for (String name : spec.serviceAccounts()) {
        Optional<ServiceAccountSnapshot> account = state.serviceAccount(namespace, name);
        account.ifPresent(a -> touched.putIfAbsent(key(a), a));
      }
    }
    List<ServiceAccountPatch> patches = new ArrayList<>();
    for (ServiceAccountSnapshot account : sorted(touched.values())) {
      boolean wanted =
          namespaces.contains(account.namespace())
              && spec.serviceAccounts().contains(account.name());
      Set<String> keep = wanted ? Set.of(spec.secretName()) : Set.of();
      patchFor(account, spec.uid(), keep).ifPresent(patches::add);
    }
    return patches;
  }

  /**
   * Plans the removal of every reference whose {@code ImagePullSecret} no longer exists.
   *
   * @param existingUids the uids of the {@code ImagePullSecret}s that exist
   * @param state the cluster as cached
   * @return one patch per ServiceAccount that must change, ordered by namespace and name
   */
  public static List<ServiceAccountPatch> sweep(Set<String> existingUids, ClusterState state) {
    List<ServiceAccountPatch> patches = new ArrayList<>();
    for (ServiceAccountSnapshot account : sorted(state.serviceAccountsPatchedByImps())) {
      AddedPullSecrets record = AddedPullSecrets.of(account);
      AddedPullSecrets next = record;
      List<String> removed = new ArrayList<>();
      for (String name : record.names()) {
        for (String uid : record.holders(name)) {
          if (!existingUids.contains(uid)) {
            next = next.without(name, uid);
          }
        }
        if (next.holders(name).isEmpty()) {
          removed.add(name);
        }
      }
      if (!next.equals(record)) {
        List<String> references = new ArrayList<>(account.imagePullSecrets());
        references.removeAll(removed);
        patches.add(patch(account, references, List.of(), removed, next));
      }
    }
    return patches;
  }

  /** Computes the patch that makes {@code uid} hold exactly {@code keep} on one ServiceAccount. */
  private static Optional<ServiceAccountPatch> patchFor(
      ServiceAccountSnapshot account, String uid, Set<String> keep) {
    AddedPullSecrets record = AddedPullSecrets.of(account);
    AddedPullSecrets next = record;
    List<String> references = new ArrayList<>(account.imagePullSecrets());
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String name : record.namesHeldBy(uid)) {
      if (!keep.contains(name)) {
        next = next.without(name, uid);
        if (next.holders(name).isEmpty()) {
          references.removeAll(List.of(name));
          removed.add(name);
        }
      }
    }
    for (String name : keep) {
      if (!references.contains(name)) {
        references.add(name);
        added.add(name);
        next = next.with(name, uid);
      } else if (!record.holders(name).isEmpty()) {
        // Another ImagePullSecret added it; hold it too, so it stays when that one lets go.
        next = next.with(name, uid);
      }
    }
    if (next.equals(record) && added.isEmpty() && removed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(patch(account, references, added, removed, next));
  }

  private static ServiceAccountPatch patch(
      ServiceAccountSnapshot account,
      List<String> references,
      List<String> added,
      List<String> removed,
      AddedPullSecrets record) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (!account.resourceVersion().isEmpty()) {
      metadata.put("resourceVersion", account.resourceVersion());
    }
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(
        ReconcileConstants.ADDED_PULL_SECRETS_ANNOTATION,
        record.isEmpty() ? null : record.format());
    metadata.put("annotations", annotations);
    List<Object> list = new ArrayList<>();
    for (String name : new LinkedHashSet<>(references)) {
      list.add(Map.of("name", name));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("metadata", metadata);
    body.put("imagePullSecrets", list);
    return new ServiceAccountPatch(
        account.namespace(), account.name(), added, removed, Collections.unmodifiableMap(body));
  }

  private static String key(ServiceAccountSnapshot account) {
    return account.namespace() + "/" + account.name();
  }

  private static List<ServiceAccountSnapshot> sorted(Collection<ServiceAccountSnapshot> accounts) {
    List<ServiceAccountSnapshot> list = new ArrayList<>(accounts);
    list.sort(
        Comparator.comparing(ServiceAccountSnapshot::namespace)
            .thenComparing(ServiceAccountSnapshot::name));
    return list;
  }
}
