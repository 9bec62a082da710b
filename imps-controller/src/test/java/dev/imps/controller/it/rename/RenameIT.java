package dev.imps.controller.it.rename;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.controller.it.support.OperatorTestBase;
import org.junit.jupiter.api.Test;

/** Renaming {@code spec.target.secret.name} replaces the copies; none stays under the old name. */
class RenameIT extends OperatorTestBase {

  @Test
  void copies_under_the_old_name_are_removed_after_a_rename() throws Exception {
    String sources = sourceNamespace("rename");
    String first = cluster.namespace("rename-a");
    String second = cluster.namespace("rename-b");
    String name = createImagePullSecret("imps-rename", sources, "old-name", first, second);
    soon("copies under the old name")
        .untilAsserted(
            () -> {
              assertThat(cluster.secret(first, "old-name")).isPresent();
              assertThat(cluster.secret(second, "old-name")).isPresent();
            });

    applyImagePullSecret(name, sources, "new-name", first, second);

    soon("copies under the new name only")
        .untilAsserted(
            () -> {
              for (String namespace : new String[] {first, second}) {
                assertThat(cluster.secret(namespace, "new-name")).isPresent();
                assertThat(cluster.secret(namespace, "old-name")).isEmpty();
              }
            });
  }
}
