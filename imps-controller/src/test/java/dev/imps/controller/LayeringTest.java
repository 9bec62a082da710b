package dev.imps.controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The controller's layers: {@code reconcile} is pure (it sees the cluster through {@code
 * ClusterState} and {@code ClusterActions} only), so it knows no Kubernetes client, no runtime, no
 * CLI and no metrics; {@code plan} runs the same planning code offline, so it knows no runtime (the
 * operator's informers, writes and leader election) and no CLI.
 */
class LayeringTest {

  static final JavaClasses CONTROLLER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.imps.controller");

  /** Kubernetes client code, as opposed to its model classes (V1ObjectMeta, V1Condition). */
  static final String[] CLIENT = {
    "io.kubernetes.client.openapi",
    "io.kubernetes.client.openapi.apis..",
    "io.kubernetes.client.informer..",
    "io.kubernetes.client.extended..",
    "io.kubernetes.client.util..",
    "okhttp3.."
  };

  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("reconcile", "a Kubernetes client", CLIENT),
        Arguments.of(
            "reconcile",
            "the runtime, CLI, plan, metrics or leader election",
            new String[] {
              "dev.imps.controller.runtime..",
              "dev.imps.controller.cli..",
              "dev.imps.controller.plan..",
              "dev.imps.controller.metrics..",
              "dev.imps.controller.leader.."
            }),
        Arguments.of(
            "reconcile", "picocli or Prometheus", new String[] {"picocli..", "io.prometheus.."}),
        Arguments.of(
            "plan",
            "the runtime, CLI, metrics or leader election",
            new String[] {
              "dev.imps.controller.runtime..",
              "dev.imps.controller.cli..",
              "dev.imps.controller.metrics..",
              "dev.imps.controller.leader.."
            }),
        Arguments.of(
            "plan", "picocli or Prometheus", new String[] {"picocli..", "io.prometheus.."}));
  }

  @ParameterizedTest(name = "{0} knows no {1}")
  @MethodSource("layers")
  void a_layer_does_not_reach_what_it_must_not_know(String layer, String what, String[] forbidden) {
    noClasses()
        .that()
        .resideInAPackage("dev.imps.controller." + layer + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because(layer + " must not know " + what)
        .check(CONTROLLER);
  }
}
