package dev.imps.api.mapping;

import static dev.imps.api.mapping.Specs.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imps.api.model.ImagePullSecret;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {

  @ParameterizedTest(name = "the documentation example {0} is valid")
  @ValueSource(strings = {"sidecar-annotation.yaml", "combined.yaml", "everything.yaml"})
  void theDocumentationExamplesAreValid(String example) {
    assertThat(SpecValidator.validate(example(example).getSpec())).isEmpty();
  }

  @Test
  void theNamesExampleIsValidButForItsPlaceholderAccountIdInUpperCase() {
    // IMPS's README writes the AWS account id as 999653XXXXX; no Secret can have that name.
    assertThat(SpecValidator.validate(example("names.yaml").getSpec()))
        .extracting(SpecError::field)
        .containsExactly("spec.registry.credentials[1].name");
  }

  static Stream<Arguments> invalidSpecs() {
    String target = "target: {secret: {name: pull-secret}}\n";
    return Stream.of(
        Arguments.of("a missing spec", null, List.of("spec: required")),
        Arguments.of(
            "a spec without registry and target",
            "{}",
            List.of("spec.registry: required", "spec.target: required")),
        Arguments.of(
            "no credentials",
            "registry: {}\n" + target,
            List.of("spec.registry.credentials: at least one source secret is required")),
        Arguments.of(
            "an empty credentials list",
            "registry: {credentials: []}\n" + target,
            List.of("spec.registry.credentials: at least one source secret is required")),
        Arguments.of(
            "a credential without namespace and one with a bad name",
            "registry: {credentials: [{name: a}, {name: B, namespace: ns}]}\n" + target,
            List.of(
                "spec.registry.credentials[0].namespace: required",
                "spec.registry.credentials[1].name: \"B\" is not a DNS-1123 subdomain (lower case"
                    + " letters, digits, '-' and '.', starting and ending with a letter or"
                    + " digit)")),
        Arguments.of(
            "a target without secret",
            Specs.REGISTRY + "target: {}",
            List.of("spec.target.secret: required")),
        Arguments.of(
            "a target secret without name",
            Specs.REGISTRY + "target: {secret: {labels: {a: b}}}",
            List.of("spec.target.secret.name: required")),
        Arguments.of(
            "a target secret name that is not a DNS-1123 subdomain",
            Specs.REGISTRY + "target: {secret: {name: Bad_Name}}",
            List.of(
                "spec.target.secret.name: \"Bad_Name\" is not a DNS-1123 subdomain (lower case"
                    + " letters, digits, '-' and '.', starting and ending with a letter or"
                    + " digit)")),
        Arguments.of(
            "a target secret name of 254 characters",
            Specs.REGISTRY + "target: {secret: {name: " + "a".repeat(254) + "}}",
            List.of(
                "spec.target.secret.name: \""
                    + "a".repeat(100)
                    + "...(254 characters)\" is longer than 253 characters")),
        Arguments.of(
            "a service account name that is not a DNS-1123 subdomain",
            Specs.REGISTRY
                + "target: {secret: {name: s}, serviceAccounts: {names: [default, ci_bot]}}",
            List.of(
                "spec.target.serviceAccounts.names[1]: \"ci_bot\" is not a DNS-1123 subdomain"
                    + " (lower case letters, digits, '-' and '.', starting and ending with a"
                    + " letter or digit)")),
        Arguments.of(
            "problems in registry, secret and selectors at once",
            """
            registry: {credentials: [{name: a, namespace: Bad}]}
            target:
              secret: {name: "-s"}
              namespaces: {labels: [{matchExpressions: [{key: k, operator: In}]}]}
            """,
            List.of(
                "spec.registry.credentials[0].namespace: \"Bad\" is not a DNS-1123 label (lower"
                    + " case letters, digits and '-', starting and ending with a letter or digit)",
                "spec.target.secret.name: \"-s\" is not a DNS-1123 subdomain (lower case letters,"
                    + " digits, '-' and '.', starting and ending with a letter or digit)",
                "spec.target.namespaces.labels[0].matchExpressions[0].values: must not be empty"
                    + " when operator is In")));
  }

  @ParameterizedTest(name = "{0} is reported as {2}")
  @MethodSource("invalidSpecs")
  void invalidSpecsReportEveryProblemWithItsFieldPath(
      String description, String spec, List<String> expected) {
    assertThat(SpecValidator.validate(spec == null ? null : Specs.spec(spec)))
        .extracting(SpecError::toString)
        .containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> targetSecretMetadata() {
    return Stream.of(
        Arguments.of("labels: {team: platform}", null),
        Arguments.of("annotations: {Example.com/Owner: \"any text, even long\"}", null),
        Arguments.of("labels: {team: \"platform team\"}", "spec.target.secret.labels[team]"),
        Arguments.of("labels: {\"-team\": a}", "spec.target.secret.labels[-team]"),
        Arguments.of("annotations: {\"a b\": x}", "spec.target.secret.annotations[a b]"));
  }

  @ParameterizedTest(name = "target secret {0}: invalid at {1}")
  @MethodSource("targetSecretMetadata")
  void targetSecretLabelsAndAnnotationsMustBeValidMetadata(String metadata, String invalidField) {
    List<SpecError> errors =
        SpecValidator.validate(
            Specs.spec(Specs.REGISTRY + "target: {secret: {name: s, " + metadata + "}}"));

    if (invalidField == null) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).extracting(SpecError::field).containsExactly(invalidField);
    }
  }

  @Test
  void requireValidNamesTheObject() {
    ImagePullSecret imps =
        example("sidecar-annotation.yaml").metadata(new V1ObjectMeta().name("broken"));
    imps.getSpec().getTarget().getSecret().setName(null);

    assertThatThrownBy(() -> SpecValidator.requireValid(imps))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("ImagePullSecret broken: spec.target.secret.name: required");
  }

  @Test
  void requireValidAcceptsAValidObject() {
    assertThatCode(() -> SpecValidator.requireValid(example("combined.yaml")))
        .doesNotThrowAnyException();
  }
}
