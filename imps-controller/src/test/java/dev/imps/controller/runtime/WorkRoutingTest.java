package dev.imps.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.api.ApiConstants;
import dev.imps.api.model.ImagePullSecret;
import dev.imps.api.model.ImagePullSecretSpec;
import dev.imps.api.model.NamespaceSelectorConfiguration;
import dev.imps.api.model.NamespacedName;
import dev.imps.api.model.ObjectSelectorConfiguration;
import dev.imps.api.model.RegistryConfig;
import dev.imps.api.model.TargetConfig;
import dev.imps.api.model.TargetSecretConfig;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which informer events enqueue which CRs. The caches are never started: the test fills their
 * indexers directly.
 */
class WorkRoutingTest {

  private ClusterCaches caches;
  private WorkRouting routing;
  private final List<String> queued = new ArrayList<>();

  @BeforeEach
  void caches() {
    caches =
        new ClusterCaches(
            new ClientBuilder()
                .setBasePath("http://127.0.0.1:9")
                .setReadTimeout(Duration.ZERO)
                .build(),
            true,
            secret -> {});
    routing = new WorkRouting(caches, queued::add);
    caches.imagePullSecrets.getIndexer().add(podRule("by-pods", "app", "web"));
    caches.imagePullSecrets.getIndexer().add(nameRule("by-name", "selected"));
    caches.imagePullSecrets.getIndexer().add(labelRule("by-label", "pull", "yes"));
    caches.namespaces.getIndexer().add(namespace("selected", Map.of()));
    caches.namespaces.getIndexer().add(namespace("plain", Map.of()));
  }

  @AfterEach
  void close() {
    caches.close();
  }

  static Stream<Arguments> podEvents() {
    return Stream.of(
        Arguments.of("a matching pod created", null, pod("plain", Map.of("app", "web")), true),
        Arguments.of("another pod created", null, pod("plain", Map.of("app", "db")), false),
        Arguments.of("a matching pod deleted", pod("plain", Map.of("app", "web")), null, true),
        Arguments.of("another pod deleted", pod("plain", Map.of("app", "db")), null, false),
        Arguments.of(
            "a pod relabelled to match",
            pod("plain", Map.of("app", "db")),
            pod("plain", Map.of("app", "web")),
            true),
        Arguments.of(
            "a pod relabelled to stop matching",
            pod("plain", Map.of("app", "web")),
            pod("plain", Map.of("app", "db")),
            true),
        Arguments.of(
            "a matching pod's unrelated label changed",
            pod("plain", Map.of("app", "web", "v", "1")),
            pod("plain", Map.of("app", "web", "v", "2")),
            false),
        Arguments.of(
            "a matching pod's status changed (same labels)",
            pod("plain", Map.of("app", "web")),
            pod("plain", Map.of("app", "web")),
            false),
        Arguments.of(
            "a matching pod created where the namespace is selected by name anyway",
            null,
            pod("selected", Map.of("app", "web")),
            false));
  }

  @ParameterizedTest(name = "{0}: the pod-selecting CR is queued = {3}")
  @MethodSource("podEvents")
  void pod_events_queue_work_only_when_they_can_change_a_selection(
      String event, PartialObjectMetadata before, PartialObjectMetadata after, boolean queuesIt) {
    deliverPodEvent(before, after);

    assertQueuedOnly(queuesIt, "by-pods");
  }

  static Stream<Arguments> podEventsBesideOtherPods() {
    PartialObjectMetadata web = pod("plain", Map.of("app", "web"));
    PartialObjectMetadata db = pod("plain", Map.of("app", "db"));
    return Stream.of(
        Arguments.of("a matching pod created beside another matching one", null, web, "web", false),
        Arguments.of("a matching pod created beside a non-matching one", null, web, "db", true),
        Arguments.of("a matching pod deleted while another still matches", web, null, "web", false),
        Arguments.of("the last matching pod deleted", web, null, "db", true),
        Arguments.of(
            "a pod relabelled to stop matching while another still matches", web, db, "web", false),
        Arguments.of(
            "a pod relabelled to match beside another matching one", db, web, "web", false),
        Arguments.of(
            "a matching pod created beside a matching one in another namespace",
            null,
            web,
            "web elsewhere",
            true));
  }

  @ParameterizedTest(name = "{0}: the pod-selecting CR is queued = {4}")
  @MethodSource("podEventsBesideOtherPods")
  void a_pod_event_queues_work_only_when_it_flips_its_namespaces_pod_clause(
      String event,
      PartialObjectMetadata before,
      PartialObjectMetadata after,
      String other,
      boolean queuesIt) {
    String otherNamespace = other.endsWith(" elsewhere") ? "selected-not" : "plain";
    String otherApp = other.split(" ")[0];
    caches
        .pods
        .getIndexer()
        .add(
            PartialObjectMetadata.of(
                new V1ObjectMeta()
                    .namespace(otherNamespace)
                    .name("other")
                    .labels(Map.of("app", otherApp))
                    .annotations(Map.of())));
    if (after != null) {
      // The informer updates its cache before it calls the handlers.
      caches.pods.getIndexer().add(after);
    }
    deliverPodEvent(before, after);

    assertQueuedOnly(queuesIt, "by-pods");
  }

  static Stream<Arguments> namespaceEvents() {
    return Stream.of(
        Arguments.of(
            "label added", namespace("n", Map.of()), namespace("n", Map.of("pull", "yes")), true),
        Arguments.of(
            "label removed", namespace("n", Map.of("pull", "yes")), namespace("n", Map.of()), true),
        Arguments.of(
            "unrelated label changed",
            namespace("n", Map.of("pull", "yes", "a", "1")),
            namespace("n", Map.of("pull", "yes", "a", "2")),
            false),
        Arguments.of(
            "unselected namespace relabelled",
            namespace("n", Map.of("a", "1")),
            namespace("n", Map.of("a", "2")),
            false),
        Arguments.of(
            "selected namespace starts terminating",
            namespace("n", Map.of("pull", "yes")),
            terminating(namespace("n", Map.of("pull", "yes"))),
            true));
  }

  @ParameterizedTest(name = "namespace {0}: the label-selecting CR is queued = {3}")
  @MethodSource("namespaceEvents")
  void namespace_changes_queue_the_crs_whose_namespace_clauses_they_affect(
      String change, V1Namespace before, V1Namespace after, boolean queuesIt) {
    routing.namespaces().onUpdate(before, after);

    assertQueuedOnly(queuesIt, "by-label");
  }

  /**
   * Hands a pod event to the routing as the informer does: no before is an add, no after a delete.
   */
  private void deliverPodEvent(PartialObjectMetadata before, PartialObjectMetadata after) {
    if (before == null) {
      routing.pods().onAdd(after);
    } else if (after == null) {
      routing.pods().onDelete(before, false);
    } else {
      routing.pods().onUpdate(before, after);
    }
  }

  private void assertQueuedOnly(boolean queuesIt, String name) {
    if (queuesIt) {
      assertThat(queued).containsExactly(name);
    } else {
      assertThat(queued).isEmpty();
    }
  }

  @Test
  void a_new_namespace_queues_the_crs_that_select_it_by_name_or_label() {
    routing.namespaces().onAdd(namespace("selected", Map.of("pull", "yes")));

    assertThat(queued).containsExactlyInAnyOrder("by-pods", "by-name", "by-label");
  }

  @Test
  void namespace_events_queue_namespace_passes_once_the_start_up_passes_are_queued() {
    List<String> passes = new ArrayList<>();
    AtomicBoolean started = new AtomicBoolean();
    WorkRouting scoped =
        new WorkRouting(
            caches,
            queued::add,
            (name, namespace) -> passes.add(name + " in " + namespace),
            started::get);
    V1Namespace fresh = namespace("fresh", Map.of("pull", "yes"));

    scoped.namespaces().onAdd(fresh);
    assertThat(passes).as("during the initial list: the start-up full passes cover it").isEmpty();

    started.set(true);
    scoped.namespaces().onAdd(fresh);
    assertThat(passes).containsExactly("by-label in fresh");
    assertThat(queued).as("no full pass").isEmpty();
  }

  @Test
  void an_edited_copy_queues_its_owner_and_a_resync_queues_nothing() {
    V1Secret copy = copy("plain", "uid-by-name", "by-name", "7");

    routing.copies().onUpdate(copy, copy);
    assertThat(queued).isEmpty();

    routing.copies().onUpdate(copy, copy("plain", "uid-by-name", "by-name", "8"));
    assertThat(queued).contains("by-name");
  }

  @Test
  void a_deleted_copy_whose_owner_is_gone_queues_the_owner_name_to_sweep_leftovers() {
    V1Secret orphan = copy("plain", "uid-deleted", "deleted-cr", "3");
    orphan.getMetadata().setName("old-name");

    routing.copies().onDelete(orphan, false);

    assertThat(queued).containsExactly("deleted-cr");
  }

  @Test
  void an_invalid_spec_never_queues_on_namespace_or_pod_events() {
    ImagePullSecret broken = podRule("broken", "app", "web");
    broken
        .getSpec()
        .getTarget()
        .setNamespacesWithPods(
            new ObjectSelectorConfiguration()
                .labels(
                    List.of(
                        new V1LabelSelector()
                            .matchExpressions(
                                List.of(
                                    new V1LabelSelectorRequirement()
                                        .key("app")
                                        .operator("Sideways"))))));
    caches.imagePullSecrets.getIndexer().add(broken);

    routing.pods().onAdd(pod("plain", Map.of("app", "web")));

    assertThat(queued).containsExactly("by-pods");
  }

  static Stream<Arguments> onlyAValidSpecReachesAWatch() {
    return Stream.of(
        Arguments.of("a valid spec watches its source and target name", "s", "creds", null, 2),
        Arguments.of("a target name a,b watches nothing", "a,b", "creds", null, 0),
        Arguments.of("a source name Bad_Name watches nothing", "s", "Bad_Name", null, 0),
        Arguments.of("a selector operator Sideways watches nothing", "s", "creds", "Sideways", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void onlyAValidSpecReachesAWatch(
      String description, String target, String source, String operator, int watches) {
    ImagePullSecret cr = nameRule("object", "selected");
    cr.getSpec().getTarget().getSecret().setName(target);
    cr.getSpec()
        .registry(
            new RegistryConfig()
                .addCredentialsItem(new NamespacedName().namespace("registry").name(source)));
    if (operator != null) {
      cr.getSpec()
          .getTarget()
          .getNamespaces()
          .labels(
              List.of(
                  new V1LabelSelector()
                      .matchExpressions(
                          List.of(new V1LabelSelectorRequirement().key("k").operator(operator)))));
    }

    assertThat(WorkRouting.watchesOf(cr)).hasSize(watches);
  }

  private static ImagePullSecret cr(String name, TargetConfig target) {
    return new ImagePullSecret()
        .metadata(new V1ObjectMeta().name(name).uid("uid-" + name).generation(1L))
        .spec(new ImagePullSecretSpec().target(target.secret(new TargetSecretConfig().name("s"))));
  }

  /** Pods labelled {@code key=value} select their namespace; so does the name "selected". */
  private static ImagePullSecret podRule(String name, String key, String value) {
    return cr(
        name,
        new TargetConfig()
            .namespaces(new NamespaceSelectorConfiguration().names(List.of("selected")))
            .namespacesWithPods(
                new ObjectSelectorConfiguration()
                    .labels(List.of(new V1LabelSelector().matchLabels(Map.of(key, value))))));
  }

  private static ImagePullSecret nameRule(String name, String namespace) {
    return cr(
        name,
        new TargetConfig()
            .namespaces(new NamespaceSelectorConfiguration().names(List.of(namespace))));
  }

  private static ImagePullSecret labelRule(String name, String key, String value) {
    return cr(
        name,
        new TargetConfig()
            .namespaces(
                new NamespaceSelectorConfiguration()
                    .labels(List.of(new V1LabelSelector().matchLabels(Map.of(key, value))))));
  }

  private static V1Namespace namespace(String name, Map<String, String> labels) {
    return new V1Namespace()
        .metadata(new V1ObjectMeta().name(name).labels(labels).annotations(Map.of()))
        .status(new V1NamespaceStatus().phase("Active"));
  }

  private static V1Namespace terminating(V1Namespace namespace) {
    namespace.getMetadata().setDeletionTimestamp(OffsetDateTime.now());
    namespace.setStatus(new V1NamespaceStatus().phase("Terminating"));
    return namespace;
  }

  private static PartialObjectMetadata pod(String namespace, Map<String, String> labels) {
    return PartialObjectMetadata.of(
        new V1ObjectMeta().namespace(namespace).name("pod").labels(labels).annotations(Map.of()));
  }

  private static V1Secret copy(String namespace, String ownerUid, String owner, String version) {
    return new V1Secret()
        .metadata(
            new V1ObjectMeta()
                .namespace(namespace)
                .name("s")
                .resourceVersion(version)
                .labels(Map.of(ApiConstants.OWNER_UID_LABEL, ownerUid))
                .ownerReferences(
                    List.of(
                        new V1OwnerReference()
                            .apiVersion(ApiConstants.API_VERSION)
                            .kind(ApiConstants.KIND)
                            .name(owner)
                            .uid(ownerUid))));
  }
}
