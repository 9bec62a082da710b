package dev.imps.benchmarks.micro;

import dev.imps.selector.LabelSelector;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The selector benchmark's data: {@code rules} ImagePullSecret rules and {@code namespaces}
 * namespaces with ten labels each, drawn from a seeded random generator so every run evaluates the
 * same data.
 *
 * <p>Namespace labels are the ones real clusters carry ({@code kubernetes.io/metadata.name}, {@code
 * team}, {@code env}, {@code tier}, {@code app.kubernetes.io/part-of}, {@code istio-injection},
 * {@code cost-center}, {@code region}, {@code owner}, {@code compliance}). Each rule has one to
 * three namespace label selectors mixing every operator ({@code =}, {@code !=}, {@code in}, {@code
 * notin}, exists, does not exist), and every fifth rule also lists three namespace names, so each
 * rule matches a few percent of the namespaces at most.
 */
public final class SelectorWorkload {

  /** The number of ImagePullSecrets. */
  public static final int DEFAULT_RULES = 100;

  /** The number of namespaces. */
  public static final int DEFAULT_NAMESPACES = 10_000;

  /** Labels on every namespace. */
  public static final int LABELS_PER_NAMESPACE = 10;

  private static final String[] ENVS = {"prod", "staging", "dev", "test"};
  private static final String[] TIERS = {"frontend", "backend", "data"};
  private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-south-1"};
  private static final String[] COMPLIANCE = {"pci", "hipaa", "none"};

  private final List<NamespaceRule> rules;
  private final List<NamespaceView> namespaces;

  private SelectorWorkload(List<NamespaceRule> rules, List<NamespaceView> namespaces) {
    this.rules = List.copyOf(rules);
    this.namespaces = List.copyOf(namespaces);
  }

  /**
   * Builds the workload: 100 rules and 10 000 namespaces with 10 labels each.
   *
   * @param seed the random seed
   * @return the workload
   */
  public static SelectorWorkload create(long seed) {
    return create(seed, DEFAULT_RULES, DEFAULT_NAMESPACES);
  }

  /**
   * Builds a workload of any size.
   *
   * @param seed the random seed
   * @param ruleCount how many rules, at least 1
   * @param namespaceCount how many namespaces, at least 1
   * @return the workload
   * @throws IllegalArgumentException if a count is less than 1
   */
  public static SelectorWorkload create(long seed, int ruleCount, int namespaceCount) {
    if (ruleCount < 1 || namespaceCount < 1) {
      throw new IllegalArgumentException(
          "rule and namespace counts must be at least 1, got " + ruleCount + ", " + namespaceCount);
    }
    Random random = new Random(seed);
    List<NamespaceView> namespaces = new ArrayList<>(namespaceCount);
    for (int i = 0; i < namespaceCount; i++) {
      namespaces.add(namespace(random, i));
    }
    List<NamespaceRule> rules = new ArrayList<>(ruleCount);
    for (int i = 0; i < ruleCount; i++) {
      rules.add(rule(random, i, namespaceCount));
    }
    return new SelectorWorkload(rules, namespaces);
  }

  private static NamespaceView namespace(Random random, int index) {
    String name = "ns-" + index;
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/metadata.name", name);
    labels.put("team", "team-" + random.nextInt(50));
    labels.put("env", pick(random, ENVS));
    labels.put("tier", pick(random, TIERS));
    labels.put("app.kubernetes.io/part-of", "app-" + random.nextInt(200));
    labels.put("istio-injection", random.nextBoolean() ? "enabled" : "disabled");
    labels.put("cost-center", "cc-" + random.nextInt(20));
    labels.put("region", pick(random, REGIONS));
    labels.put("owner", "owner-" + random.nextInt(100));
    labels.put("compliance", pick(random, COMPLIANCE));
    return NamespaceView.of(name, labels);
  }

  private static NamespaceRule rule(Random random, int index, int namespaceCount) {
    List<LabelSelector> selectors = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      selectors.add(LabelSelector.parse(selector(random)));
    }
    List<String> names = new ArrayList<>();
    if (index % 5 == 0) {
      for (int i = 0; i < 3; i++) {
        names.add("ns-" + random.nextInt(namespaceCount));
      }
    }
    return NamespaceRule.builder().names(names).namespaceLabels(selectors).build();
  }

  private static String selector(Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return "team=team-" + random.nextInt(50) + ",env=" + pick(random, ENVS);
      case 1:
        return "env in (prod,staging),tier="
            + pick(random, TIERS)
            + ",cost-center=cc-"
            + random.nextInt(20);
      case 2:
        return "istio-injection=enabled,region notin ("
            + pick(random, REGIONS)
            + "),owner=owner-"
            + random.nextInt(100);
      case 3:
        return "compliance,compliance!=none,env=prod,team in (team-"
            + random.nextInt(50)
            + ",team-"
            + random.nextInt(50)
            + ")";
      default:
        return "app.kubernetes.io/part-of in (app-"
            + random.nextInt(200)
            + ",app-"
            + random.nextInt(200)
            + ",app-"
            + random.nextInt(200)
            + "),!legacy";
    }
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * Returns the rules.
   *
   * @return the rules, in creation order
   */
  public List<NamespaceRule> rules() {
    return rules;
  }

  /**
   * Returns the namespaces.
   *
   * @return the namespaces, in creation order
   */
  public List<NamespaceView> namespaces() {
    return namespaces;
  }

  /**
   * Returns how many (namespace, rule) pairs one pass evaluates.
   *
   * @return rules × namespaces
   */
  public long pairs() {
    return (long) rules.size() * namespaces.size();
  }

  /**
   * Evaluates every rule for every namespace, as the operator does when it reconciles all CRs: the
   * namespace clauses only, which is what it evaluates first for every namespace.
   *
   * @return how many pairs matched
   */
  public int evaluateAll() {
    int matched = 0;
    for (NamespaceRule rule : rules) {
      for (NamespaceView namespace : namespaces) {
        if (rule.evaluateNamespaceOnly(namespace).matched()) {
          matched++;
        }
      }
    }
    return matched;
  }
}
