package dev.imps.testing.example;

import static dev.imps.testing.ImpsAssertions.assertThat;

import dev.imps.testing.ImpsPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ImagePullSecrets of the repository's examples/, as a platform team would test its own. */
class PullSecretRulesTest {

  // Every YAML/JSON file under the folder, planned by the operator's own code. No cluster.
  static final ImpsPlan PLAN = ImpsPlan.of(Path.of("../examples"));

  @Test
  void every_spec_is_valid() {
    assertThat(PLAN).isValid();
  }

  @Test
  void the_mesh_secret_goes_where_sidecars_are_injected() {
    assertThat(PLAN)
        .object("istio-sidecars")
        .selects("mesh-apps")
        .because("namespaces.annotations[0]")
        .selects("shop")
        .because("namespacesWithPods.annotations[0]")
        .doesNotSelect("payments")
        .doesNotSelect("registry-access")
        .hasNoConflicts();
  }

  @Test
  void a_namespace_listed_by_name_is_selected_by_its_entry() {
    assertThat(PLAN)
        .object("backyards-namespaces")
        .selects("istio-system")
        .because("names[4]")
        .doesNotSelect("shop");
  }
}
