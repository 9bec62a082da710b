package dev.imps.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.SourceStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RenderWorkloadTest {

  @Test
  void twenty_sources_merge_into_their_own_registries_plus_five_shared_ones() {
    MergedConfig merged = RenderWorkload.create().render();

    assertThat(merged.sources()).hasSize(20).allMatch(s -> s.state() == SourceStatus.State.OK);
    assertThat(merged.credentials()).hasSize(25);
    assertThat(new String(merged.dockerConfigJson(), StandardCharsets.UTF_8))
        .contains("\"registry-19.example.com\"", "\"docker.io\"", "\"registry.gitlab.com\"");
  }

  @Test
  void a_later_source_logging_in_to_a_shared_registry_is_shadowed_by_the_earlier_one() {
    MergedConfig merged = RenderWorkload.create().render();

    // Sources 1 and 11 both log in to docker.io; 1 wins.
    assertThat(merged.sources().get(11).shadowedBy())
        .containsExactly(java.util.Map.entry("docker.io", "registry-access/source-1"));
    assertThat(merged.sources().get(1).shadowedBy()).isEmpty();
  }

  @Test
  void rendering_again_gives_the_same_bytes() {
    RenderWorkload workload = RenderWorkload.create();

    assertThat(workload.render().dockerConfigJson())
        .isEqualTo(workload.render().dockerConfigJson());
  }
}
