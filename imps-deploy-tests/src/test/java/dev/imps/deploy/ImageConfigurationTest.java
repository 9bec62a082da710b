package dev.imps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The image (jib, profile {@code image} of imps-controller) and the chart agree: the image runs the
 * class {@code java -jar imps.jar} runs, with the class archive and classpath file its second jib
 * pass adds, as the user the chart's pod runs as, with the chart's JVM options and port. The image
 * itself needs its base from a registry, so it is not built here; the end-to-end tests build and
 * run the same configuration on a local base.
 */
class ImageConfigurationTest {

  private static final String PLUGINS = "/project/profiles/profile[id='image']/build/plugins/";
  private static final String JIB_PLUGIN = PLUGINS + "plugin[artifactId='jib-maven-plugin']";
  private static final String JIB = JIB_PLUGIN + "/configuration/container/";

  /** The end-to-end tests' image: like the users' image, on the local jlink'ed runtime. */
  private static final String E2E_PLUGINS = "/project/build/plugins/";

  private static final String SHADE_MAIN_CLASS =
      "/project/build/plugins/plugin[artifactId='maven-shade-plugin']//transformer"
          + "[contains(@implementation,'ManifestResourceTransformer')]/mainClass";

  private final RepositoryLayout layout = RepositoryLayout.current();
  private Document pom;
  private Document e2ePom;
  private Map<String, Object> values;
  private final XPath xpath = XPathFactory.newInstance().newXPath();

  @BeforeEach
  void read() throws IOException, ParserConfigurationException, SAXException {
    pom = parse(layout.root().resolve("imps-controller/pom.xml"));
    e2ePom = parse(layout.root().resolve("imps-e2e/pom.xml"));
    values =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(layout.chart().resolve("values.yaml")));
  }

  @Test
  void the_image_runs_the_main_class_of_imps_jar_with_its_class_archive()
      throws XPathExpressionException {
    assertThat(entrypoint(pom, PLUGINS))
        .containsExactly(
            "java",
            "-XX:SharedArchiveFile=/app/cds/imps.jsa",
            "-cp",
            "@/app/cds/classpath",
            text(SHADE_MAIN_CLASS));
    // The classpath file is relative to /app, and the second pass puts the files at /app/cds.
    assertThat(text(JIB + "workingDirectory")).isEqualTo("/app");
    assertThat(text(JIB_PLUGIN + "/executions/execution[id='image-tar']//path/into"))
        .isEqualTo("/app/cds");
    // Jars only: -Xshare:dump refuses a non-empty directory on the classpath.
    assertThat(text(JIB_PLUGIN + "/configuration/containerizingMode")).isEqualTo("packaged");
  }

  @Test
  void the_class_archive_is_made_between_the_two_image_passes() throws XPathExpressionException {
    String plain = "/executions/execution[id='image-without-class-archive']";
    String archive =
        PLUGINS + "plugin[artifactId='exec-maven-plugin']/executions/execution[id='class-archive']";
    // Maven runs a phase's executions in plugin order: jib's first pass, then the script; the
    // second pass comes in a later phase.
    assertThat(text(JIB_PLUGIN + plain + "/phase")).isEqualTo("package");
    assertThat(text(archive + "/phase")).isEqualTo("package");
    assertThat(text(JIB_PLUGIN + "/executions/execution[id='image-tar']/phase"))
        .isEqualTo("pre-integration-test");
    assertThat(text(archive + "/configuration/executable")).endsWith("/scripts/class-archive.sh");
    assertThat(arguments(pom, archive))
        .containsExactly(
            text(JIB_PLUGIN + plain + "/configuration/outputPaths/tar"),
            "${project.basedir}/src/main/cds/imps.classlist",
            text(
                JIB_PLUGIN
                    + "/executions/execution[id='image-tar']/configuration/extraDirectories//from"),
            "${imps.image.classArchive}");
    assertThat(layout.root().resolve("scripts/class-archive.sh")).isExecutable();
    assertThat(layout.root().resolve("imps-controller/src/main/cds/imps.classlist"))
        .isRegularFile();
  }

  @Test
  void the_image_user_is_the_non_root_user_the_chart_runs_the_pod_as()
      throws XPathExpressionException {
    String user =
        Manifests.at(values, "podSecurityContext.runAsUser")
            + ":"
            + Manifests.at(values, "podSecurityContext.runAsGroup");

    assertThat(text(JIB + "user")).isEqualTo(user).isNotEqualTo("0:0");
  }

  @Test
  void the_image_has_the_chart_jvm_options_and_metrics_port() throws XPathExpressionException {
    assertThat(text(JIB + "environment/JDK_JAVA_OPTIONS"))
        .isEqualTo(Manifests.at(values, "jvm.options"));
    assertThat(text(JIB + "environment/MALLOC_ARENA_MAX"))
        .isEqualTo(String.valueOf(Manifests.at(values, "jvm.mallocArenaMax")));
    assertThat(text(JIB + "ports/port"))
        .isEqualTo(String.valueOf(Manifests.at(values, "metrics.port")));
  }

  @Test
  void the_end_to_end_image_runs_like_the_users_image() throws XPathExpressionException {
    // The e2e tests judge the image users get; an option missing there (as the JIT and code cache
    // options once were) would make them run a different JVM.
    for (String setting :
        List.of(
            "containerizingMode",
            "container/workingDirectory",
            "container/user",
            "container/environment/JDK_JAVA_OPTIONS",
            "container/environment/MALLOC_ARENA_MAX",
            "container/ports/port")) {
      String jib = "plugin[artifactId='jib-maven-plugin']/configuration/";
      assertThat(text(e2ePom, E2E_PLUGINS + jib + setting))
          .as(setting)
          .isNotBlank()
          .isEqualTo(text(PLUGINS + jib + setting));
    }
    assertThat(entrypoint(e2ePom, E2E_PLUGINS)).isEqualTo(entrypoint(pom, PLUGINS));
    String archive = "plugin[artifactId='exec-maven-plugin']//execution[id='e2e-class-archive']";
    assertThat(arguments(e2ePom, E2E_PLUGINS + archive))
        .element(1)
        .isEqualTo("${imps.repository.root}/imps-controller/src/main/cds/imps.classlist");
  }

  private List<String> entrypoint(Document document, String plugins)
      throws XPathExpressionException {
    return texts(
        document,
        plugins + "plugin[artifactId='jib-maven-plugin']/configuration/container/entrypoint/arg");
  }

  private List<String> arguments(Document document, String execution)
      throws XPathExpressionException {
    return texts(document, execution + "/configuration/arguments/argument");
  }

  private List<String> texts(Document document, String expression) throws XPathExpressionException {
    NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  private String text(String expression) throws XPathExpressionException {
    return text(pom, expression);
  }

  private String text(Document document, String expression) throws XPathExpressionException {
    return xpath.evaluate(expression, document).strip();
  }

  private static Document parse(Path pomFile)
      throws IOException, ParserConfigurationException, SAXException {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pomFile.toFile());
  }
}
