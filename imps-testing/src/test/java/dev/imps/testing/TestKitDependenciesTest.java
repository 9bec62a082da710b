package dev.imps.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The test kit is a consumer of {@code imps plan}'s code, as the CLI is: of the controller it uses
 * the {@code plan} package only, so it shares the operator's rules through the same door and never
 * reaches the runtime, the CLI or the reconciler's internals.
 */
class TestKitDependenciesTest {

  static final JavaClasses KIT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.imps.testing");

  @Test
  void the_kit_uses_the_plan_package_assertj_and_the_jdk_only() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.imps.testing..", "dev.imps.controller.plan..", "org.assertj..", "java..")
        .check(KIT);
  }
}
