package dev.imps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The image (jib, profile {@code image} of imps-controller) and the chart agree: the image runs the
 * class {@code java -jar imps.jar} runs, as the user the chart's pod runs as, with the chart's JVM
 * options and port. The image itself needs its base from a registry, so it is not built here.
 */
class ImageConfigurationTest {

  private static final String JIB =
      "/project/profiles/profile[id='image']/build/plugins/plugin[artifactId='jib-maven-plugin']"
          + "/configuration/container/";

  /** The end-to-end tests' image: like the users' image, on the local jlink'ed runtime. */
  private static final String E2E_JIB =
      "/project/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container/";

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
  void the_image_runs_the_main_class_of_imps_jar() throws XPathExpressionException {
    assertThat(text(JIB + "mainClass")).isNotBlank().isEqualTo(text(SHADE_MAIN_CLASS));
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
            "mainClass",
            "user",
            "environment/JDK_JAVA_OPTIONS",
            "environment/MALLOC_ARENA_MAX",
            "ports/port")) {
      assertThat(text(e2ePom, E2E_JIB + setting))
          .as(setting)
          .isNotBlank()
          .isEqualTo(text(JIB + setting));
    }
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
