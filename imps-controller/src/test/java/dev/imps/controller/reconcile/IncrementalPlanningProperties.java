package dev.imps.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.mapping.InvalidSpecException;
import dev.imps.api.mapping.NamespaceRuleMapper;
import dev.imps.api.model.AnnotationSelector;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.NamespaceSelectorConfiguration;
import dev.imps.api.model.ObjectSelectorConfiguration;
import dev.imps.api.model.TargetConfig;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import dev.imps.selector.PodView;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential test of incremental planning: random sequences of namespace, pod and {@code
 * ImagePullSecret} events are handled the way the operator handles them (namespace passes for the
 * objects the {@link RuleIndex} and the pod clauses point at, full passes for object changes, and
 * namespace passes again for the copy and ServiceAccount events those passes cause), and after
 * every step a full pass's plan must find nothing left to write.
 */
class IncrementalPlanningProperties {

  private static final List<String> NAMESPACES = List.of("n0", "n1", "n2", "n3", "n4");
  private static final List<String> CRS = List.of("c0", "c1", "c2");
  private static final List<String> TARGETS = List.of(Fixtures.TARGET, "other-secret");
  private static final int RULES = 8;

  /**
   * One thing that happens in the cluster, with the passes the operator's informers start for it
   * (the passes for the copies and ServiceAccounts those passes write follow in {@link
   * Harness#handle}).
   */
  sealed interface Event
      permits SetNamespace, Terminate, RemoveNamespace, SetPod, RemovePod, PutCr, RemoveCr {

    /** Makes it happen in the harness's cluster and runs the passes the operator would start. */
    void happenIn(Harness harness);
  }

  /** A namespace created, or its labels and annotations changed; an empty value is none. */
  record SetNamespace(String namespace, String team, String env, String on) implements Event {
    @Override
    public void happenIn(Harness harness) {
      FakeCluster cluster = harness.cluster;
      Optional<NamespaceSnapshot> before = cluster.namespace(namespace);
      if (before.isPresent() && before.get().terminating()) {
        return; // a terminating namespace cannot be changed back
      }
      Map<String, String> labels = new HashMap<>();
      put(labels, "team", team);
      put(labels, "env", env);
      Map<String, String> annotations = new HashMap<>();
      put(annotations, "imps/on", on);
      NamespaceSnapshot after =
          new NamespaceSnapshot(namespace, "ns-" + namespace, labels, annotations, false);
      cluster.put(after);
      Set<String> concerned;
      if (before.isEmpty()) {
        cluster.withServiceAccount(namespace, "default");
        concerned = harness.index().matchingBeforeOrAfter(null, after.view());
      } else {
        concerned = harness.index().flipped(before.get().view(), after.view());
      }
      concerned.forEach(name -> harness.namespacePass(name, namespace));
    }
  }

  /** A namespace deleted while objects in it keep it Terminating. */
  record Terminate(String namespace) implements Event {
    @Override
    public void happenIn(Harness harness) {
      Optional<NamespaceSnapshot> before = harness.cluster.namespace(namespace);
      if (before.isEmpty() || before.get().terminating()) {
        return;
      }
      NamespaceSnapshot ns = before.get();
      NamespaceSnapshot after =
          new NamespaceSnapshot(ns.name(), ns.uid(), ns.labels(), ns.annotations(), true);
      harness.cluster.put(after);
      Set<String> touched =
          new LinkedHashSet<>(harness.index().matchingBeforeOrAfter(ns.view(), after.view()));
      touched.addAll(harness.ownersOfCopiesIn(namespace));
      touched.forEach(name -> harness.namespacePass(name, namespace));
    }
  }

  /** A namespace gone: its copies go with it, and their delete events reach the owners. */
  record RemoveNamespace(String namespace) implements Event {
    @Override
    public void happenIn(Harness harness) {
      if (harness.cluster.namespace(namespace).isPresent()) {
        harness.cluster.removeNamespace(namespace);
      }
    }
  }

  /** A pod created, or its {@code app} label changed; an empty value is none. */
  record SetPod(String namespace, String pod, String app) implements Event {
    @Override
    public void happenIn(Harness harness) {
      FakeCluster cluster = harness.cluster;
      if (cluster.namespace(namespace).isEmpty()) {
        return;
      }
      Optional<PodView> before = harness.pod(namespace, pod);
      Map<String, String> labels = new HashMap<>();
      put(labels, "app", app);
      cluster.removePod(namespace, pod);
      cluster.pod(namespace, pod, labels);
      harness.podChanged(namespace, before.orElse(null), PodView.of(pod, labels));
    }
  }

  /** A pod deleted. */
  record RemovePod(String namespace, String pod) implements Event {
    @Override
    public void happenIn(Harness harness) {
      Optional<PodView> before = harness.pod(namespace, pod);
      if (before.isPresent()) {
        harness.cluster.removePod(namespace, pod);
        harness.podChanged(namespace, before.get(), null);
      }
    }
  }

  /** An {@code ImagePullSecret} created, or its spec changed. */
  record PutCr(String name, int rule, String target) implements Event {
    @Override
    public void happenIn(Harness harness) {
      Optional<ImagePullSecret> existing = harness.cluster.imagePullSecret(name);
      String uid = existing.map(cr -> cr.getMetadata().getUid()).orElse(harness.nextUid());
      Instant created =
          existing
              .map(cr -> cr.getMetadata().getCreationTimestamp().toInstant())
              .orElse(Fixtures.T0.plusSeconds(harness.uids));
      harness.cluster.put(
          Fixtures.cr(name, uid, created, IncrementalPlanningProperties.rule(rule, target)));
      harness.reconciler.reconcile(name);
    }
  }

  /** An {@code ImagePullSecret} deleted. */
  record RemoveCr(String name) implements Event {
    @Override
    public void happenIn(Harness harness) {
      harness.cluster.removeCr(name);
      harness.reconciler.reconcile(name);
    }
  }

  @Property(tries = 150)
  void aFullPassFindsNothingToWriteAfterEveryIncrementalStep(@ForAll("events") List<Event> events) {
    Harness harness = new Harness();
    for (Event event : events) {
      harness.handle(event);
      harness.assertFullPassHasNothingToWrite(event);
    }
  }

  @Provide
  Arbitrary<List<Event>> events() {
    Arbitrary<String> namespace = Arbitraries.of(NAMESPACES);
    Arbitrary<String> value = Arbitraries.of("", "a", "b");
    Arbitrary<Event> setNamespace =
        Combinators.combine(namespace, value, value, Arbitraries.of("", "yes", "no"))
            .as(SetNamespace::new);
    Arbitrary<Event> terminate = namespace.map(Terminate::new);
    Arbitrary<Event> removeNamespace = namespace.map(RemoveNamespace::new);
    Arbitrary<Event> setPod =
        Combinators.combine(namespace, Arbitraries.of("p0", "p1"), Arbitraries.of("", "web", "db"))
            .as(SetPod::new);
    Arbitrary<Event> removePod =
        Combinators.combine(namespace, Arbitraries.of("p0", "p1")).as(RemovePod::new);
    Arbitrary<Event> putCr =
        Combinators.combine(
                Arbitraries.of(CRS),
                Arbitraries.integers().between(0, RULES - 1),
                Arbitraries.of(TARGETS))
            .as(PutCr::new);
    Arbitrary<Event> removeCr = Arbitraries.of(CRS).map(RemoveCr::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, setNamespace),
            net.jqwik.api.Tuple.of(1, terminate),
            net.jqwik.api.Tuple.of(1, removeNamespace),
            net.jqwik.api.Tuple.of(5, setPod),
            net.jqwik.api.Tuple.of(2, removePod),
            net.jqwik.api.Tuple.of(3, putCr),
            net.jqwik.api.Tuple.of(1, removeCr))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  /** The namespace rules the objects choose from: every kind of clause, positive and negative. */
  static TargetConfig rule(int rule, String target) {
    TargetConfig config = Fixtures.target(target);
    return switch (rule) {
      case 0 -> config.namespaces(Fixtures.namespaces("n1", "n2"));
      case 1 ->
          config
              .namespaces(Fixtures.namespacesLabelled(Map.of("team", "a")))
              .serviceAccounts(Fixtures.serviceAccounts("default"));
      case 2 ->
          config.namespaces(
              new NamespaceSelectorConfiguration()
                  .addLabelsItem(
                      new V1LabelSelector()
                          .addMatchExpressionsItem(
                              new V1LabelSelectorRequirement()
                                  .key("env")
                                  .operator("NotIn")
                                  .values(List.of("b")))));
      case 3 ->
          config.namespaces(
              new NamespaceSelectorConfiguration()
                  .addAnnotationsItem(
                      new AnnotationSelector().matchAnnotations(Map.of("imps/on", "yes"))));
      case 4 -> config.namespacesWithPods(Fixtures.podsLabelled(Map.of("app", "web")));
      case 5 ->
          config
              .namespaces(
                  new NamespaceSelectorConfiguration()
                      .addLabelsItem(
                          new V1LabelSelector()
                              .addMatchExpressionsItem(
                                  new V1LabelSelectorRequirement().key("team").operator("Exists"))))
              .namespacesWithPods(Fixtures.podsLabelled(Map.of("app", "db")));
      case 6 ->
          config
              .namespaces(
                  Fixtures.namespaces("n3")
                      .addLabelsItem(new V1LabelSelector().matchLabels(Map.of("env", "b")))
                      .addAnnotationsItem(
                          new AnnotationSelector().matchAnnotations(Map.of("imps/on", "no"))))
              .serviceAccounts(Fixtures.serviceAccounts("default"));
      default ->
          config.namespacesWithPods(
              new ObjectSelectorConfiguration()
                  .addAnnotationsItem(
                      new AnnotationSelector()
                          .matchExpressions(
                              List.of(
                                  new V1LabelSelectorRequirement()
                                      .key("app")
                                      .operator("DoesNotExist")))));
    };
  }

  /** The fake cluster, the reconciler, and the operator's routing of events. */
  private static final class Harness {
    private final FakeCluster cluster = new FakeCluster();
    private final Reconciler reconciler = Fixtures.reconcilerOn(cluster).build();
    private int uids;

    Harness() {
      cluster.put(Fixtures.source());
    }

    void handle(Event event) {
      Map<SecretRef, SecretSnapshot> secretsBefore = cluster.secrets();
      Map<String, ServiceAccountSnapshot> accountsBefore = cluster.serviceAccounts();
      event.happenIn(this);
      followWrites(secretsBefore, accountsBefore);
    }

    void assertFullPassHasNothingToWrite(Event after) {
      for (ImagePullSecret cr : cluster.imagePullSecrets()) {
        ReconcilePlan plan = reconciler.plan(cr);
        List<SecretChange> writes =
            plan.changes().stream()
                .filter(
                    c ->
                        c instanceof SecretChange.Create
                            || c instanceof SecretChange.Update
                            || c instanceof SecretChange.Replace
                            || c instanceof SecretChange.Delete)
                .toList();
        assertThat(writes)
            .as("%s after %s: secret writes a full pass would still make", plan.name(), after)
            .isEmpty();
        assertThat(plan.serviceAccountPatches())
            .as(
                "%s after %s: ServiceAccount patches a full pass would still make",
                plan.name(), after)
            .isEmpty();
      }
      assertThat(OrphanSweep.of(cluster).isEmpty()).as("orphans after %s", after).isTrue();
    }

    /**
     * As the operator's pod routing: only pod-clause flips of namespaces not selected anyway, but
     * without its look for another matching pod, which only saves passes.
     */
    private void podChanged(String namespace, PodView before, PodView after) {
      NamespaceView view = cluster.namespace(namespace).map(NamespaceSnapshot::view).orElse(null);
      index()
          .podClauseFlips(view, before, after)
          .keySet()
          .forEach(name -> namespacePass(name, namespace));
    }

    private Optional<PodView> pod(String namespace, String name) {
      return cluster.pods(namespace).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private String nextUid() {
      return "uid-" + ++uids;
    }

    private void namespacePass(String name, String namespace) {
      if (reconciler.reconcileNamespace(name, namespace) == NamespacePassOutcome.FULL_PASS_NEEDED) {
        reconciler.reconcile(name);
      }
    }

    /**
     * As the copy and ServiceAccount informers: a changed or deleted copy reaches its owner and the
     * objects with that target name, a changed ServiceAccount the objects that patch it; each as a
     * namespace pass. Repeats until the cluster is quiet.
     */
    private void followWrites(
        Map<SecretRef, SecretSnapshot> secretsBefore,
        Map<String, ServiceAccountSnapshot> accountsBefore) {
      for (int round = 0; round < 10; round++) {
        Map<SecretRef, SecretSnapshot> secretsNow = cluster.secrets();
        Map<String, ServiceAccountSnapshot> accountsNow = cluster.serviceAccounts();
        Set<List<String>> passes = new LinkedHashSet<>();
        for (Map.Entry<SecretRef, SecretSnapshot> old : secretsBefore.entrySet()) {
          SecretSnapshot now = secretsNow.get(old.getKey());
          if (now != null
              && Objects.equals(now.resourceVersion(), old.getValue().resourceVersion())) {
            continue;
          }
          String namespace = old.getKey().namespace();
          for (ImagePullSecret cr : cluster.imagePullSecrets()) {
            boolean owner =
                old.getValue().ownerUid().filter(cr.getMetadata().getUid()::equals).isPresent();
            boolean sameName =
                cr.getSpec().getTarget().getSecret().getName().equals(old.getKey().name());
            if (owner || sameName) {
              passes.add(List.of(cr.getMetadata().getName(), namespace));
            }
          }
        }
        for (Map.Entry<String, ServiceAccountSnapshot> now : accountsNow.entrySet()) {
          if (Objects.equals(now.getValue(), accountsBefore.get(now.getKey()))) {
            continue;
          }
          for (ImagePullSecret cr : cluster.imagePullSecrets()) {
            if (cr.getSpec().getTarget().getServiceAccounts() != null) {
              passes.add(List.of(cr.getMetadata().getName(), now.getValue().namespace()));
            }
          }
        }
        if (passes.isEmpty()) {
          return;
        }
        secretsBefore = secretsNow;
        accountsBefore = accountsNow;
        passes.forEach(pass -> namespacePass(pass.get(0), pass.get(1)));
      }
    }

    private Set<String> ownersOfCopiesIn(String namespace) {
      Set<String> owners = new LinkedHashSet<>();
      for (SecretSnapshot copy : cluster.allCopies()) {
        if (!copy.namespace().equals(namespace)) {
          continue;
        }
        for (ImagePullSecret cr : cluster.imagePullSecrets()) {
          if (copy.ownerUid().filter(cr.getMetadata().getUid()::equals).isPresent()) {
            owners.add(cr.getMetadata().getName());
          }
        }
      }
      return owners;
    }

    private RuleIndex index() {
      Map<String, NamespaceRule> rules = new TreeMap<>();
      for (ImagePullSecret cr : cluster.imagePullSecrets()) {
        try {
          rules.put(cr.getMetadata().getName(), NamespaceRuleMapper.toRule(cr));
        } catch (InvalidSpecException e) {
          // An invalid spec reaches no routing.
        }
      }
      return RuleIndex.of(rules);
    }
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (!value.isEmpty()) {
      map.put(key, value);
    }
  }
}
