package dev.imps.examples.embedding;

import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.ecr.AwsClients;
import dev.imps.credentials.ecr.EcrCredentialProvider;
import dev.imps.credentials.ecr.EcrTokenCache;
import dev.imps.selector.Decision;
import dev.imps.selector.LabelSelector;
import dev.imps.selector.NamespaceRule;
import dev.imps.selector.NamespaceView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The README's "Embedding imps from Maven": a namespace rule that explains its decision, and the
 * merge of a docker config Secret into one pull secret.
 *
 * <p>Usage: {@code EmbeddingExample <source .dockerconfigjson file> <merged output file>}. It
 * prints the decision and the state of each source, never a credential; the merged config goes to
 * the output file.
 */
public final class EmbeddingExample {

  private EmbeddingExample() {}

  /**
   * Runs the example.
   *
   * @param args the source docker config file and the output file
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: EmbeddingExample <source .dockerconfigjson> <merged output>");
      System.exit(2);
    }
    Path output = Path.of(args[1]);
    Map<String, byte[]> data = Map.of(".dockerconfigjson", Files.readAllBytes(Path.of(args[0])));

    // imps-selector
    NamespaceRule rule =
        NamespaceRule.builder()
            .names(List.of("istio-system"))
            .namespaceLabels(List.of(LabelSelector.parse("env in (prod,staging),!legacy")))
            .build();
    Decision decision = rule.evaluate(NamespaceView.of("shop", Map.of("env", "prod")), List.of());
    System.out.println(decision.explanation()); // matched by namespaces.labels[0]

    // imps-credentials
    try (AwsClients aws = AwsClients.create()) {
      CredentialProviders providers =
          CredentialProviders.of(
              new StaticCredentialProvider(),
              EcrCredentialProvider.create(EcrTokenCache.create(), aws));
      PullSecretRenderer renderer = PullSecretRenderer.create(providers); // one per consumer
      MergedConfig merged =
          renderer.render(
              List.of(
                  SourceInput.present(
                      SourceSecret.of("apps/pull", "kubernetes.io/dockerconfigjson", data))));
      merged
          .sources()
          .forEach(source -> System.out.println(source.source() + ": " + source.state()));
      if (merged.isUsable()) {
        Files.write(output, merged.dockerConfigJson());
        System.out.println("merged config written to " + output);
      }
    }
  }
}
