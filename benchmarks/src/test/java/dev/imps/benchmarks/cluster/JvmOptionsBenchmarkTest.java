package dev.imps.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imps.benchmarks.cluster.JvmOptionsBenchmark.Candidate;
import dev.imps.benchmarks.cluster.JvmOptionsBenchmark.ClassArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsBenchmarkTest {

  private static final List<String> CHART = OperatorJvm.CHART_JVM_OPTIONS;

  @Test
  void the_chart_comes_first_and_every_candidate_starts_from_it() {
    List<Candidate> candidates = JvmOptionsBenchmark.candidates(CHART, 17);

    assertThat(candidates.get(0).name()).isEqualTo("chart");
    assertThat(candidates.get(0).options()).isEqualTo(CHART);
    assertThat(candidates)
        .filteredOn(c -> c.name().startsWith("-Xss256k"))
        .singleElement()
        .satisfies(c -> assertThat(c.options()).containsSubsequence(CHART).endsWith("-Xss256k"));
  }

  @Test
  void a_candidate_is_named_by_what_it_adds_to_the_chart() {
    Candidate small =
        JvmOptionsBenchmark.candidates(CHART, 17).stream()
            .filter(c -> c.name().startsWith("small:"))
            .findFirst()
            .orElseThrow();

    assertThat(small.name())
        .isEqualTo("small: -Xss256k -XX:MaxMetaspaceSize=96m -XX:CICompilerCount=1");
    assertThat(small.options())
        .containsSubsequence(CHART)
        .endsWith("-Xss256k", "-XX:MaxMetaspaceSize=96m", "-XX:CICompilerCount=1");
  }

  @Test
  void g1_replaces_serial_and_tiered_drops_the_c1_only_settings() {
    List<Candidate> candidates =
        JvmOptionsBenchmark.candidates(
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m"),
            17);

    assertThat(byName(candidates, "G1 instead of Serial").options())
        .containsExactly(
            "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m");
    assertThat(byName(candidates, "tiered C1 + C2").options()).containsExactly("-XX:+UseSerialGC");
  }

  @Test
  void java_25_adds_compact_headers_and_the_aot_cache() {
    List<Candidate> on17 = JvmOptionsBenchmark.candidates(CHART, 17);
    List<Candidate> on25 = JvmOptionsBenchmark.candidates(CHART, 25);

    assertThat(on17).extracting(Candidate::archive).doesNotContain(ClassArchive.AOT_CACHE);
    assertThat(on17)
        .flatExtracting(Candidate::options)
        .doesNotContain("-XX:+UseCompactObjectHeaders");
    assertThat(on25).containsAll(on17);
    assertThat(byName(on25, "compact object headers + AOT cache"))
        .satisfies(c -> assertThat(c.archive()).isEqualTo(ClassArchive.AOT_CACHE))
        .satisfies(c -> assertThat(c.options()).endsWith("-XX:+UseCompactObjectHeaders"));
  }

  @Test
  void with_the_image_class_archive_one_candidate_runs_without_it_and_the_aot_cache_replaces_it() {
    List<String> image = new ArrayList<>(CHART);
    image.addAll(ImageClassArchive.options(Path.of("target", "imps.jsa")));

    List<Candidate> candidates = JvmOptionsBenchmark.candidates(image, 25);

    assertThat(candidates.get(0).name()).isEqualTo("chart + image class archive");
    assertThat(candidates.get(0).options()).isEqualTo(image);
    assertThat(byName(candidates, "chart, no class archive").options()).isEqualTo(CHART);
    assertThat(candidates)
        .filteredOn(c -> c.archive() == ClassArchive.AOT_CACHE)
        .hasSize(3)
        .allSatisfy(
            c -> assertThat(c.options()).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile=")));
    assertThat(byName(candidates, "G1 instead of Serial").options())
        .contains("-XX:SharedArchiveFile=" + Path.of("target", "imps.jsa"));
  }

  @Test
  void an_archive_is_written_by_one_option_and_mapped_by_another() {
    Path file = Path.of("target", "x.jsa");

    assertThat(ClassArchive.AOT_CACHE.writeTo(file)).containsExactly("-XX:AOTCacheOutput=" + file);
    assertThat(ClassArchive.AOT_CACHE.useFrom(file)).containsExactly("-XX:AOTCache=" + file);
    assertThat(ClassArchive.NONE.writeTo(file)).isEmpty();
  }

  private static Candidate byName(List<Candidate> candidates, String name) {
    return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
