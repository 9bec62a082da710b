package dev.imps.e2e;

import static dev.imps.e2e.ImagePullSecrets.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code helm upgrade} to a chart whose CRD changed, with a new operator image: the CRD is updated,
 * the Deployment rolls (the new pod takes the leader Lease over), and no pod created meanwhile
 * fails its pull.
 */
@ExtendWith(TestNodeExtension.class)
class ImpsUpgradeE2E {

  private static final String NEW_COLUMN = "Observed Generation";

  @Test
  void anUpgradeWithAChangedCrdRollsTheOperatorWithoutAFailedPull(
      TestNode node, ImpsRelease imps, Pods pods, ImagePullSecrets ips, RegistrySource source)
      throws InterruptedException {
    String target = source.name("upg");
    source.copyToNamespaces(target, target);
    pods.createNamespace(target);
    await("the copy in " + target)
        .atMost(Duration.ofMinutes(2))
        .until(() -> ips.secretExists(target, TARGET));
    String leaderBefore = imps.leaseHolders();
    Path chart = changedChart(node.workDirectory().resolve("chart-upgrade-" + source.token()));

    List<String> created = new CopyOnWriteArrayList<>();
    AtomicBoolean upgrading = new AtomicBoolean(true);
    Thread creator =
        new Thread(
            () -> {
              for (int i = 0; upgrading.get(); i++) {
                pods.create(target, "during-" + i, TARGET);
                created.add("during-" + i);
                sleep(Duration.ofSeconds(3));
              }
            },
            "pods-during-upgrade");
    creator.start();
    try {
      imps.upgrade(chart, List.of());
    } finally {
      upgrading.set(false);
      creator.join();
    }

    assertThat(
            node.kubectl(
                "get",
                "crd",
                "imagepullsecrets.images.banzaicloud.io",
                "-o",
                "jsonpath={.spec.versions[0].additionalPrinterColumns[*].name}"))
        .contains(NEW_COLUMN);
    await("a new leader")
        .atMost(Duration.ofMinutes(2))
        .until(() -> !imps.leaseHolders().equals(leaderBefore));
    assertThat(created).isNotEmpty();
    for (String pod : created) {
      pods.awaitRunning(target, pod);
      assertThat(pods.pullFailures(target, pod)).as("pull failures of " + pod).isBlank();
    }
    String after = source.name("after");
    source.copyToNamespaces(after, after);
    pods.createNamespace(after);
    pods.create(after, "app", TARGET);
    pods.awaitRunning(after, "app");
  }

  /** A copy of the chart whose CRD has one more printer column. */
  private static Path changedChart(Path copy) {
    Path chart = TestNodeExtension.repositoryRoot().resolve("deploy/charts/imps");
    try (Stream<Path> files = Files.walk(chart)) {
      for (Path file : files.toList()) {
        Path to = copy.resolve(chart.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
      Path crd = copy.resolve("templates/crd.yaml");
      String yaml = Files.readString(crd);
      String changed =
          yaml.replaceFirst(
              "    additionalPrinterColumns:\n",
              "    additionalPrinterColumns:\n"
                  + "    - name: "
                  + NEW_COLUMN
                  + "\n      type: integer\n      jsonPath: .status.observedGeneration\n");
      assertThat(changed).isNotEqualTo(yaml);
      Files.writeString(crd, changed);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + chart, e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
