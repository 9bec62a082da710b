package dev.imps.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * imps installed the way users install it: the operator image (built by jib onto the local jlink'ed
 * runtime) pushed to the node's registry, then {@code helm install deploy/charts/imps} with the
 * chart's defaults apart from the image and what this cluster needs.
 *
 * <p>What this cluster needs: the image's pull secret ({@code imagePullSecrets}, the registry
 * requires a login), and where the API server is ({@code env.KUBERNETES_SERVICE_HOST/PORT}): the
 * node runs no kube-proxy, so the {@code kubernetes} Service's cluster IP leads nowhere; pods reach
 * kube-apiserver at the pod bridge's address instead, which the node forwards to 127.0.0.1.
 */
final class ImpsRelease {

  static final String NAMESPACE = "imps-system";
  static final String RELEASE = "imps";
  static final String DEPLOYMENT = "imps";
  static final String IMAGE_PULL_SECRET = "imps-image-pull";

  private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(4);

  private final TestNode node;
  private final Path chart;
  private final String imageRepository;
  private final AtomicInteger revision = new AtomicInteger();
  private String imageTag;

  private ImpsRelease(TestNode node, Path chart, String imageRepository, String imageTag) {
    this.node = node;
    this.chart = chart;
    this.imageRepository = imageRepository;
    this.imageTag = imageTag;
  }

  /**
   * Pushes the image, installs the chart and waits until the operator's pod is Ready.
   *
   * @param node the node
   * @param repositoryRoot the checkout, holding {@code deploy/charts/imps}
   * @param imageTar the image jib built
   * @return the installed release
   */
  static ImpsRelease install(TestNode node, Path repositoryRoot, Path imageTar) {
    if (!Files.isRegularFile(imageTar)) {
      throw new IllegalStateException(
          imageTar + " is missing: the imps-e2e package phase builds it with jib");
    }
    NodeEnvironment env = node.environment();
    String repository = env.registry() + "/imps/imps";
    node.crane("push", imageTar.toString(), repository + ":e2e-1");
    node.kubectl("create", "namespace", NAMESPACE);
    new Pods(node).createRegistrySecret(NAMESPACE, IMAGE_PULL_SECRET, env.registryPassword());
    ImpsRelease release =
        new ImpsRelease(node, repositoryRoot.resolve("deploy/charts/imps"), repository, "e2e-1");
    release.helm("install", List.of());
    release.awaitRollout();
    return release;
  }

  /**
   * Pushes the same image under a new tag and upgrades the release to it, with more {@code --set}
   * values, then waits for the rolling update to finish.
   *
   * @param chartDirectory the chart to upgrade to
   * @param sets extra {@code key=value} settings
   */
  void upgrade(Path chartDirectory, List<String> sets) {
    String tag = "e2e-" + (revision.get() + 2);
    node.crane("copy", imageRepository + ":" + imageTag, imageRepository + ":" + tag);
    imageTag = tag;
    helmAt(chartDirectory, "upgrade", sets);
    awaitRollout();
  }

  /**
   * Returns the image the operator runs.
   *
   * @return {@code <registry>/imps/imps:<tag>}
   */
  String image() {
    return imageRepository + ":" + imageTag;
  }

  /**
   * Reads a field of the operator's pod.
   *
   * @param jsonPath a kubectl JSONPath over the list of the operator's pods, such as {@code
   *     {.items[0].metadata.name}}
   * @return what kubectl prints
   */
  String operatorPods(String jsonPath) {
    return node.kubectl(
        "-n",
        NAMESPACE,
        "get",
        "pods",
        "-l",
        "app.kubernetes.io/name=imps",
        "-o",
        "jsonpath=" + jsonPath);
  }

  /**
   * Returns the operator's log: the first lines its running pod wrote.
   *
   * @param lines how many lines at most
   * @return the first lines of what {@code kubectl logs} prints
   */
  String operatorLogHead(int lines) {
    String log = node.kubectl("-n", NAMESPACE, "logs", "deployment/" + DEPLOYMENT);
    return log.lines().limit(lines).collect(Collectors.joining("\n"));
  }

  /**
   * Returns who holds the leader election Lease.
   *
   * @return the holder identities of the Leases in the release's namespace (the operator's pod name
   *     and a suffix), blank while none is held
   */
  String leaseHolders() {
    return node.kubectl(
            "-n", NAMESPACE, "get", "lease", "-o", "jsonpath={.items[*].spec.holderIdentity}")
        .strip();
  }

  private void helm(String verb, List<String> sets) {
    helmAt(chart, verb, sets);
  }

  private void helmAt(Path chartDirectory, String verb, List<String> sets) {
    revision.incrementAndGet();
    NodeEnvironment env = node.environment();
    List<String> command =
        new ArrayList<>(
            List.of(
                ProvisionedTools.helm().toString(),
                verb,
                RELEASE,
                chartDirectory.toString(),
                "--kubeconfig=" + env.kubeconfig(),
                "--namespace=" + NAMESPACE,
                "--set=image.repository=" + imageRepository,
                "--set=image.tag=" + imageTag,
                "--set=imagePullSecrets[0].name=" + IMAGE_PULL_SECRET,
                "--set=env.KUBERNETES_SERVICE_HOST=" + env.apiGatewayHost(),
                "--set-string=env.KUBERNETES_SERVICE_PORT=" + env.apiGatewayPort()));
    for (String set : sets) {
      command.add("--set=" + set);
    }
    Commands.run(
        command,
        null,
        List.of(
            "HELM_CACHE_HOME=" + node.workDirectory().resolve("helm/cache"),
            "HELM_CONFIG_HOME=" + node.workDirectory().resolve("helm/config"),
            "HELM_DATA_HOME=" + node.workDirectory().resolve("helm/data")),
        Duration.ofMinutes(3));
  }

  void awaitRollout() {
    try {
      node.kubectl(
          "-n",
          NAMESPACE,
          "rollout",
          "status",
          "deployment/" + DEPLOYMENT,
          "--timeout=" + ROLLOUT_TIMEOUT.toSeconds() + "s");
    } catch (IllegalStateException e) {
      String pods = node.kubectl("-n", NAMESPACE, "get", "pods", "-o", "wide");
      String events = node.kubectl("-n", NAMESPACE, "get", "events", "--sort-by=.lastTimestamp");
      String logs = "";
      try {
        logs = node.kubectl("-n", NAMESPACE, "logs", "deployment/" + DEPLOYMENT, "--tail=40");
      } catch (IllegalStateException noLogs) {
        logs = noLogs.getMessage();
      }
      throw new IllegalStateException(
          e.getMessage() + "\npods:\n" + pods + "\nevents:\n" + events + "\nlogs:\n" + logs, e);
    }
  }
}
