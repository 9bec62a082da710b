package dev.imps.testing;

/**
 * Entry point of the test kit: {@code import static dev.imps.testing.ImpsAssertions.assertThat;}
 * next to (or instead of) AssertJ's {@code Assertions.assertThat}.
 *
 * <pre>{@code
 * assertThat(ImpsPlan.of(Path.of("clusters/prod")))
 *     .object("mesh")
 *     .selects("shop").because("namespacesWithPods.annotations[0]")
 *     .doesNotSelect("kube-system");
 * }</pre>
 */
public final class ImpsAssertions {

  private ImpsAssertions() {}

  /**
   * Starts assertions on a plan.
   *
   * @param actual the plan
   * @return assertions on it
   */
  public static ImpsPlanAssert assertThat(ImpsPlan actual) {
    return new ImpsPlanAssert(actual);
  }
}
