package dev.imps.envtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.selector.InvalidSelectorException;
import dev.imps.selector.LabelSelector;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API server is the oracle for {@code imps-selector}'s {@link LabelSelector}: for generated
 * label sets on namespaces and generated selector strings, the namespaces the API server returns
 * for {@code labelSelector=...} must be exactly those {@link LabelSelector#matches} accepts, and
 * the API server must reject exactly the strings {@link LabelSelector#parse} rejects.
 *
 * <p>Keys and values come from small alphabets so that selectors hit; integers (with a leading zero
 * and a sign) exercise {@code >} and {@code <}. The seed is printed; rerun one with {@code
 * -Dimps.differential.seed=<seed>}.
 */
@EnableKubeControlPlane
class LabelSelectorDifferentialIT {

  private static final int NAMESPACES = 300;
  private static final int SELECTORS = 400;
  private static final int REPORTED_DISAGREEMENTS = 20;

  private static final List<String> KEYS =
      List.of("app", "tier", "env", "example.com/team", "n", "N");

  /** Label values on namespaces (the API server validates them). */
  private static final List<String> LABEL_VALUES =
      List.of("", "a", "b", "A", "web", "1", "2", "10", "007", "x.y_z");

  /** Values in selectors: the label values and one that no label can have. */
  private static final List<String> VALUES =
      Stream.concat(LABEL_VALUES.stream(), Stream.of("-1")).toList();

  private static final List<String> INTEGERS = List.of("0", "1", "2", "5", "10", "007", "-1", "+3");

  /** Hand-written strings at the edges of the grammar and of key and value validation. */
  private static final List<String> EDGE_CASES =
      List.of(
          "",
          " ",
          "app",
          "!app",
          "app,",
          ",app",
          "app,,tier",
          "app=",
          "app==",
          "app!=",
          "app=a=b",
          "app = a",
          "app=a b",
          "app in ()",
          "app in (,)",
          "app in (a,)",
          "app in (a b)",
          "app notin ()",
          "app in(a)",
          "appin (a)",
          "app in a",
          "app in (a",
          "!app=a",
          "!!app",
          "app>1",
          "app>a",
          "app>1.5",
          "app>-1",
          "app>+1",
          "app>",
          "app<1,app>0",
          "app>=1",
          "app=>1",
          "app<>1",
          "APP=a",
          "-app=a",
          "app-=a",
          "app=-a",
          "app=a-",
          "app=_a",
          "app=a_",
          "app=" + "a".repeat(63),
          "app=" + "a".repeat(64),
          "n" + "a".repeat(62) + "=1",
          "n" + "a".repeat(63) + "=1",
          "example.com/app=a",
          "Example.com/app=a",
          "example.com/=a",
          "/app=a",
          "a/b/c=a",
          "example.com/app/x=a",
          "app in (in)",
          "in=notin",
          "app=in,notin",
          "app@=a",
          "app=a@b",
          "app=ä",
          "kubernetes.io/metadata.name",
          "app\t=a",
          "app\n=a");

  private static KubeControlPlane kube;
  private static CoreV1Api core;
  private static long seed;
  private static String prefix;

  /** Namespace name → its labels as the API server stores them. */
  private static Map<String, Map<String, String>> namespaces;

  @BeforeAll
  static void createNamespacesWithGeneratedLabels(KubeControlPlane controlPlane) throws Exception {
    kube = controlPlane;
    core = new CoreV1Api(kube.adminClient());
    seed = Long.getLong("imps.differential.seed", System.nanoTime());
    System.out.println("LabelSelectorDifferentialIT seed " + seed);
    Random random = new Random(seed);
    prefix = Namespaces.uniqueName("diff");
    List<Map<String, String>> labelSets = new ArrayList<>();
    for (int i = 0; i < NAMESPACES; i++) {
      labelSets.add(randomLabels(random));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<V1Namespace>> created = new ArrayList<>();
      for (int i = 0; i < NAMESPACES; i++) {
        V1Namespace namespace =
            new V1Namespace()
                .metadata(new V1ObjectMeta().name(prefix + "-" + i).labels(labelSets.get(i)));
        created.add(pool.submit(() -> core.createNamespace(namespace).execute()));
      }
      namespaces = new HashMap<>();
      for (Future<V1Namespace> future : created) {
        V1Namespace namespace = future.get();
        // The API server adds kubernetes.io/metadata.name; match against what it stores.
        namespaces.put(namespace.getMetadata().getName(), namespace.getMetadata().getLabels());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void the_api_server_selects_exactly_the_namespaces_label_selector_matches() throws Exception {
    Random random = new Random(seed + 1);
    List<String> selectors =
        Stream.concat(EDGE_CASES.stream(), Stream.generate(() -> randomSelector(random)))
            .limit(EDGE_CASES.size() + SELECTORS)
            .toList();
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    int rejected = 0;
    long matches = 0;
    for (String raw : selectors) {
      Set<String> server = serverSelection(raw);
      LabelSelector parsed;
      try {
        parsed = LabelSelector.parse(raw);
      } catch (InvalidSelectorException e) {
        rejected++;
        if (server != null) {
          disagreements.add(
              quote(raw) + ": the API server accepts it, LabelSelector.parse rejects it: " + e);
        }
        continue;
      }
      accepted++;
      if (server == null) {
        disagreements.add(
            quote(raw)
                + ": LabelSelector.parse accepts it as "
                + quote(parsed.toString())
                + ", the API server rejects it");
        continue;
      }
      Set<String> local = localSelection(parsed);
      matches += local.size();
      compare(quote(raw), local, server, disagreements);
      String canonical = parsed.toString();
      if (!canonical.equals(raw)) {
        Set<String> serverCanonical = serverSelection(canonical);
        if (serverCanonical == null) {
          disagreements.add(
              quote(raw)
                  + ": toString() gives "
                  + quote(canonical)
                  + ", which the API server rejects");
        } else {
          compare(
              quote(raw) + " printed as " + quote(canonical),
              local,
              serverCanonical,
              disagreements);
        }
      }
      // toString() must read back to an equal selector.
      if (!LabelSelector.parse(canonical).equals(parsed)) {
        disagreements.add(
            quote(raw) + ": toString() " + quote(canonical) + " parses to a different selector");
      }
    }
    System.out.printf(
        "LabelSelectorDifferentialIT seed %d: %d selectors (%d accepted, %d rejected) over %d namespaces,"
            + " %d matches, %d disagreements%n",
        seed,
        selectors.size(),
        accepted,
        rejected,
        namespaces.size(),
        matches,
        disagreements.size());

    assertThat(disagreements)
        .as(
            "disagreements between the API server and LabelSelector (seed %d, first %d):%n%s",
            seed,
            REPORTED_DISAGREEMENTS,
            disagreements.stream().limit(REPORTED_DISAGREEMENTS).collect(Collectors.joining("\n")))
        .isEmpty();
    assertThat(matches).as("selectors that hit something").isPositive();
    assertThat(accepted).as("random selectors are mostly valid").isGreaterThan(SELECTORS / 2);
  }

  private static void compare(
      String what, Set<String> local, Set<String> server, List<String> disagreements) {
    if (local.equals(server)) {
      return;
    }
    for (String name : new TreeSet<>(namespaces.keySet())) {
      boolean expected = local.contains(name);
      if (expected != server.contains(name)) {
        disagreements.add(
            what
                + " on labels "
                + new TreeMap<>(namespaces.get(name))
                + ": LabelSelector.matches says "
                + expected
                + ", the API server says "
                + !expected);
        return; // one example per selector keeps the report readable
      }
    }
  }

  /** Our namespaces the API server returns, or null if it rejects the selector (HTTP 400). */
  private static Set<String> serverSelection(String selector) throws ApiException {
    try {
      return core.listNamespace().labelSelector(selector).execute().getItems().stream()
          .map(n -> n.getMetadata().getName())
          .filter(namespaces::containsKey)
          .collect(Collectors.toSet());
    } catch (ApiException e) {
      if (e.getCode() == 400) {
        return null;
      }
      throw e;
    }
  }

  private static Set<String> localSelection(LabelSelector selector) {
    return namespaces.entrySet().stream()
        .filter(e -> selector.matches(e.getValue()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private static Map<String, String> randomLabels(Random random) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : KEYS) {
      if (random.nextInt(3) > 0) {
        labels.put(key, pick(random, LABEL_VALUES));
      }
    }
    return labels;
  }

  /**
   * One to three requirements in every operator and spelling, with random spaces; now and then one
   * with an empty or odd value list.
   */
  private static String randomSelector(Random random) {
    int count = random.nextInt(4);
    List<String> requirements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = pick(random, KEYS);
      String requirement =
          switch (random.nextInt(9)) {
            case 0 -> key + sp(random) + "in" + sp(random) + "(" + values(random) + ")";
            case 1 -> key + sp(random) + "notin" + sp(random) + "(" + values(random) + ")";
            case 2 -> key;
            case 3 -> "!" + sp(random) + key;
            case 4 -> key + sp(random) + "=" + sp(random) + pick(random, VALUES);
            case 5 -> key + sp(random) + "==" + sp(random) + pick(random, VALUES);
            case 6 -> key + sp(random) + "!=" + sp(random) + pick(random, VALUES);
            case 7 -> key + sp(random) + ">" + sp(random) + pick(random, INTEGERS);
            default -> key + sp(random) + "<" + sp(random) + pick(random, INTEGERS);
          };
      requirements.add(requirement);
    }
    return String.join(sp(random) + "," + sp(random), requirements);
  }

  private static String values(Random random) {
    int count = 1 + random.nextInt(3);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(pick(random, VALUES));
    }
    return String.join("," + sp(random), values);
  }

  private static String sp(Random random) {
    return random.nextInt(4) == 0 ? " " : "";
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String quote(String selector) {
    return "\"" + selector.replace("\t", "\\t").replace("\n", "\\n") + "\"";
  }
}
