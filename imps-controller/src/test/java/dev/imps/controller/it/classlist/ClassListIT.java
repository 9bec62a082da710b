package dev.imps.controller.it.classlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imps.controller.it.support.Manifests;
import dev.imps.controller.it.support.OperatorProcessTestBase;
import dev.imps.controller.it.support.SourceSecret;
import dev.imps.controller.it.support.TestCluster;
import dev.imps.testsupport.process.ClassArchiveDump;
import dev.imps.testsupport.process.CommandResult;
import dev.imps.testsupport.process.LoggedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The class list the image's class archive is dumped from ({@code src/main/cds/imps.classlist}, see
 * {@code scripts/class-archive.sh}): an archive dumped from it with {@code -Xshare:dump} maps
 * ({@code -Xshare:on}), and it serves at least 90 % of the classes the operator loads to start,
 * copy an object's secret by names and by labels, and stop. The list goes stale as dependencies
 * change; then this test fails, and {@code -Dimps.classlist.update=true} writes the list anew from
 * this same run before checking it.
 */
class ClassListIT extends OperatorProcessTestBase {

  private static final Path CLASS_LIST = Path.of("src", "main", "cds", "imps.classlist");
  private static final Path JAR = Path.of("target", "imps.jar");
  private static final Path WORK = Path.of("target", "class-list-it");
  private static final double SHARED_AT_LEAST = 0.9;

  @Test
  void an_archive_dumped_from_the_class_list_serves_the_operators_classes() throws Exception {
    assertThat(JAR).as("the operator jar (./mvnw package builds it)").isRegularFile();
    Files.createDirectories(WORK);
    if (Boolean.getBoolean("imps.classlist.update")) {
      Path written = WORK.resolve("imps.classlist");
      Files.deleteIfExists(written);
      runTheWorkload("imps-class-list", List.of("-XX:DumpLoadedClassList=" + written));
      Files.copy(written, CLASS_LIST, StandardCopyOption.REPLACE_EXISTING);
    }
    Path archive = WORK.resolve("imps.jsa");
    dump(archive);
    Path classLoads = WORK.resolve("class-load.log");
    Files.deleteIfExists(classLoads);
    LoggedProcess operator =
        runTheWorkload(
            "imps-class-archive",
            List.of(
                "-XX:SharedArchiveFile=" + archive,
                "-Xshare:on",
                "-Xlog:class+load=info:file=" + classLoads));

    assertThat(operator.log()).contains("class archive " + archive + ")");
    ClassSources sources = ClassSources.read(classLoads);
    System.out.printf(
        "ClassListIT: %d of %d classes from the archive (%.1f %%)%n",
        sources.shared(), sources.total(), 100.0 * sources.sharedFraction());
    assertThat(sources.sharedFraction())
        .as(
            "share of the operator's classes served by the archive; %d classes were not, e.g. %s."
                + " Write the list anew: ./mvnw -pl imps-controller -am verify -Dtest=none"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClassListIT"
                + " -Dimps.classlist.update=true",
            sources.total() - sources.shared(), sources.notShared().stream().limit(10).toList())
        .isGreaterThanOrEqualTo(SHARED_AT_LEAST);
  }

  /**
   * Starts the operator with the JVM options, has it copy one source by names and by labels, and
   * stops it with SIGTERM, so that what it writes at exit is complete.
   */
  private LoggedProcess runTheWorkload(String name, List<String> jvmOptions) throws Exception {
    SourceSecret source = cluster.dockerLoginSource("class-list-sources", "docker-login");
    String byName = cluster.namespace("class-list-names");
    String label = TestCluster.uniqueName("class-list");
    String byLabel = cluster.namespace("class-list-labels", Map.of(label, "on-label"), Map.of());
    LoggedProcess operator = processes.start(name, kube.kubeconfigFile(), jvmOptions);
    cluster.apply(
        Manifests.imagePullSecret(
            TestCluster.uniqueName("class-list-names"),
            source,
            Manifests.namesTarget("pull-secret", byName)));
    cluster.apply(
        Manifests.imagePullSecret(
            TestCluster.uniqueName("class-list-labels"),
            source,
            Manifests.labelTarget("pull-secret", label, "on-label")));
    await("both copies")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(operator.isAlive())
                  .as("the operator runs:%n%s", operator.logTail(20))
                  .isTrue();
              assertThat(cluster.secret(byName, "pull-secret")).isPresent();
              assertThat(cluster.secret(byLabel, "pull-secret")).isPresent();
            });
    operator.close();
    // A JVM that ran its shutdown hooks after SIGTERM exits with 143.
    assertThat(operator.exitValue())
        .as("exit after SIGTERM:%n%s", operator.logTail(20))
        .isEqualTo(143);
    return operator;
  }

  private static void dump(Path archive) {
    CommandResult dump =
        ClassArchiveDump.run(
            Path.of(System.getProperty("java.home"), "bin", "java"),
            CLASS_LIST,
            JAR.toString(),
            archive);
    assertThat(dump.succeeded()).as(dump.describe()).isTrue();
    assertThat(archive).isRegularFile();
  }

  /**
   * Where the loaded classes came from, per {@code -Xlog:class+load}: the archive ({@code source:
   * shared objects file}) or elsewhere. Classes the JVM generates at run time (hidden classes,
   * lambda forms; {@code source: __...}) cannot be listed and are not counted.
   */
  private record ClassSources(int total, int shared, List<String> notShared) {

    static ClassSources read(Path log) throws IOException {
      try (Stream<String> lines = Files.lines(log)) {
        List<String> loads =
            lines
                .filter(line -> line.contains("[class,load]") && line.contains(" source: "))
                .filter(line -> !line.contains(" source: __"))
                .toList();
        List<String> notShared =
            loads.stream()
                .filter(line -> !line.endsWith("source: shared objects file"))
                .map(line -> line.substring(line.indexOf("] ", line.indexOf("[class,load]")) + 2))
                .toList();
        return new ClassSources(loads.size(), loads.size() - notShared.size(), notShared);
      }
    }

    double sharedFraction() {
      return total == 0 ? 0 : (double) shared / total;
    }
  }
}
