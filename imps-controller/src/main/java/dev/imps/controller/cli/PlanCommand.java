package dev.imps.controller.cli;

import dev.imps.controller.plan.ClusterObjects;
import dev.imps.controller.plan.ClusterPlanner;
import dev.imps.controller.plan.LiveClusterReader;
import dev.imps.controller.plan.ManifestReader;
import dev.imps.controller.plan.PlanCredentials;
import dev.imps.controller.plan.PlanFailure;
import dev.imps.controller.plan.PlanInputException;
import dev.imps.controller.plan.PlanOutput;
import dev.imps.controller.plan.PlanReport;
import dev.imps.controller.runtime.KubeClients;
import dev.imps.controller.runtime.Reconcilers;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code imps plan}: prints what the operator would do for every {@code ImagePullSecret}, writing
 * nothing. Reads YAML/JSON files and folders, the embedded examples when given none, or a live
 * cluster with {@code --kubeconfig} (read-only).
 *
 * <p>Exit status: {@value #OK} when the plan was printed and has nothing {@code --fail-on} names;
 * {@value #INVALID_INPUT} when the input cannot be read (message on standard error naming the file,
 * document and field); 2 for a bad command line, as picocli does; otherwise the {@link
 * PlanFailure#exitStatus()} of the first kind found of those asked for ({@code invalid} by
 * default), in the order invalid, conflict, missing-source. The plan is printed either way, and
 * every finding of the kinds asked for goes to standard error.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show what imps would do, without doing it: per ImagePullSecret the namespaces it selects"
          + " and why, the secrets it would create, update or delete, conflicts, ServiceAccount"
          + " patches and the merged docker config (passwords, auths and tokens redacted).",
      "Reads YAML/JSON files or folders (kubectl get -o yaml output too), the embedded examples"
          + " when given none, or a live cluster with --kubeconfig (read-only)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the plan was printed and has nothing --fail-on names",
      "1:the input cannot be read (file, document and field on standard error)",
      "2:bad command line",
      "3:invalid: an ImagePullSecret the API server would reject or whose spec can never work",
      "4:conflict: a target secret is taken by a secret imps does not own or a stronger claim",
      "5:missing-source: a source secret does not exist",
    })
public final class PlanCommand implements Callable<Integer> {

  /** Exit status of a successful plan. */
  public static final int OK = 0;

  /** Exit status when the input is invalid. */
  public static final int INVALID_INPUT = 1;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files or folders to plan. Default: the examples embedded in imps.jar.")
  List<Path> paths = List.of();

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Plan against the cluster of this kubeconfig (read-only) instead of files.")
  Path kubeconfig;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or yaml. Default: ${DEFAULT-VALUE}.")
  PlanOutput.Format output;

  @Option(
      names = "--resolve",
      description = "Fetch ECR tokens from AWS (otherwise ECR sources show their registry only).")
  boolean resolve;

  @Option(
      names = "--fail-on",
      paramLabel = "KIND",
      split = ",",
      defaultValue = "invalid",
      converter = FailOnParser.class,
      description =
          "Exit non-zero when the plan finds any of these: invalid, conflict, missing-source"
              + " (comma separated; exit status 3, 4, 5, see below). Default: ${DEFAULT-VALUE}.")
  List<PlanFailure> failOn = List.of(PlanFailure.INVALID);

  @Option(names = "--ecr-endpoint", paramLabel = "URL", hidden = true)
  URI ecrEndpoint;

  @Option(names = "--sts-endpoint", paramLabel = "URL", hidden = true)
  URI stsEndpoint;

  /** Creates the command; picocli sets the options. */
  public PlanCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (kubeconfig != null && !paths.isEmpty()) {
      err.println("imps plan: give files or --kubeconfig, not both");
      return spec.exitCodeOnInvalidInput();
    }
    ClusterObjects objects;
    String input;
    try {
      if (kubeconfig != null) {
        ApiClient client = KubeClients.create(kubeconfig);
        client.setReadTimeout(60_000);
        input = "cluster " + client.getBasePath();
        objects = LiveClusterReader.read(client);
      } else if (paths.isEmpty()) {
        input = "the embedded examples";
        objects = ManifestReader.readEmbeddedExamples();
      } else {
        input = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
        objects = ManifestReader.read(paths);
      }
    } catch (PlanInputException e) {
      err.println("imps plan: " + e.getMessage());
      return INVALID_INPUT;
    } catch (IOException e) {
      err.println("imps plan: cannot read kubeconfig " + kubeconfig + ": " + e.getMessage());
      return INVALID_INPUT;
    }
    PlanReport report;
    try (PlanCredentials credentials = resolve ? resolving() : PlanCredentials.offline()) {
      report = ClusterPlanner.plan(objects, credentials, input);
    }
    PlanOutput.write(report, output, out);
    int status = OK;
    for (PlanFailure kind : PlanFailure.values()) {
      List<String> findings = kind.findings(report);
      if (failOn.contains(kind) && !findings.isEmpty()) {
        findings.forEach(f -> err.println("imps plan: " + kind.label() + ": " + f));
        status = status == OK ? kind.exitStatus() : status;
      }
    }
    err.flush();
    return status;
  }

  /** The operator's own providers, which fetch ECR tokens from AWS. */
  private PlanCredentials resolving() {
    Reconcilers reconcilers = Reconcilers.create(ecrEndpoint, stsEndpoint);
    return PlanCredentials.resolving(reconcilers.providers(), reconcilers::close);
  }

  /** Converts {@code --fail-on} values. */
  static final class FailOnParser implements ITypeConverter<PlanFailure> {
    @Override
    public PlanFailure convert(String value) {
      try {
        return PlanFailure.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
