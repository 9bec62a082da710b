package dev.imps.deploy;

import static dev.imps.deploy.Manifests.listAt;
import static dev.imps.deploy.Manifests.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.controller.cli.Main;
import dev.imps.testsupport.process.Command;
import dev.imps.testsupport.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line the chart gives the container is one imps accepts: the rendered arguments parse
 * as imps's own picocli model (every option known, every value converted), and {@code imps.jar}
 * starts with the JVM options of the rendered environment.
 */
class ContainerCommandIT {

  static final String JAR_PROPERTY = "imps.jar";

  private final Chart chart = Chart.locate();

  static List<String> valueSets() {
    return Chart.valueSets();
  }

  @ParameterizedTest(name = "with {0} every rendered argument is an option of imps controller")
  @MethodSource("valueSets")
  void the_rendered_arguments_parse_as_the_controller_command_line(String valueSet) {
    List<String> args =
        args(container(chart.render("imps", "imps-system", chart.valuesArgs(valueSet))));

    ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));

    assertThat(parsed.subcommand()).as("subcommand of %s", args).isNotNull();
    ParseResult controller = parsed.subcommand();
    assertThat(controller.commandSpec().name()).isEqualTo("controller");
    for (String arg : args.subList(1, args.size())) {
      String option = arg.split("=", 2)[0];
      assertThat(controller.hasMatchedOption(option)).as("%s is matched", arg).isTrue();
    }
  }

  static Stream<Arguments> refusedArguments() {
    return Stream.of(
        Arguments.of("--no-such-flag", "Unknown option: '--no-such-flag'"),
        Arguments.of("--qps=fast", "Invalid value for option '--qps'"),
        Arguments.of("--periodic-reconcile-interval=5m", "--periodic-reconcile-interval"));
  }

  @ParameterizedTest(name = "{0} is refused with \"{1}\", so the check above can fail")
  @MethodSource("refusedArguments")
  void an_argument_imps_does_not_accept_is_refused(String arg, String message) {
    List<String> args = new ArrayList<>(args(container(chart.render("imps", "imps-system"))));
    args.add(arg);

    assertThatThrownBy(() -> Main.commandLine().parseArgs(args.toArray(String[]::new)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "with {0} imps.jar starts with the rendered JVM options")
  @MethodSource("valueSets")
  void imps_jar_starts_with_the_rendered_environment(String valueSet) {
    Map<String, Object> container =
        container(chart.render("imps", "imps-system", chart.valuesArgs(valueSet)));

    CommandResult help = runJar(List.of("controller", "--help"), environment(container));

    assertThat(help.exitStatus()).as(help.describe()).isZero();
    assertThat(help.stdout()).startsWith("Usage: imps controller");
    assertThat(help.stderr())
        .contains("Picked up JDK_JAVA_OPTIONS: " + environment(container).get("JDK_JAVA_OPTIONS"));
  }

  @Test
  void a_jvm_option_the_jvm_does_not_know_stops_imps_jar_so_the_check_above_can_fail() {
    Map<String, String> environment =
        new LinkedHashMap<>(environment(container(chart.render("imps", "imps-system"))));
    environment.merge("JDK_JAVA_OPTIONS", " -XX:+NoSuchVmOption", String::concat);

    CommandResult help = runJar(List.of("controller", "--help"), environment);

    assertThat(help.exitStatus()).as(help.describe()).isNotZero();
    assertThat(help.stderr()).contains("NoSuchVmOption");
  }

  private static CommandResult runJar(List<String> args, Map<String, String> environment) {
    Path jar = jar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return Command.of(command).inDirectory(jar.getParent()).withEnvironment(environment).run();
  }

  private static List<String> args(Map<String, Object> container) {
    return listAt(container, "args").stream().map(String::valueOf).toList();
  }

  /** The container's plain environment variables (valueFrom ones need a cluster). */
  private static Map<String, String> environment(Map<String, Object> container) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (Object item : listAt(container, "env")) {
      Map<?, ?> variable = (Map<?, ?>) item;
      if (variable.get("value") != null) {
        environment.put(
            String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
      }
    }
    return environment;
  }

  private static Map<String, Object> container(Manifests rendered) {
    return mapAt(rendered.single("Deployment"), "spec.template.spec.containers.0");
  }

  private static Path jar() {
    String property = System.getProperty(JAR_PROPERTY);
    Path jar =
        property == null || property.isBlank()
            ? RepositoryLayout.current().root().resolve("imps-controller/target/imps.jar")
            : Path.of(property);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: package imps-controller first"
              + " (./mvnw -pl imps-deploy-tests -am verify builds it)");
    }
    return jar;
  }
}
