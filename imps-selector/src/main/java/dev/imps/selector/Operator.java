package dev.imps.selector;

/**
 * How a {@link Requirement} relates a key to its values; the operators of apimachinery's {@code
 * selection.Operator}.
 *
 * <p>The {@code metav1.LabelSelector} form knows only {@link #IN}, {@link #NOT_IN}, {@link #EXISTS}
 * and {@link #DOES_NOT_EXIST}; the string syntax adds the equality spellings and the integer
 * comparisons. {@code =}, {@code ==} and {@code in} with one value mean the same, as do {@code !=}
 * and {@code notin} with one value; they are kept apart only so that a parsed selector prints back
 * the way it was written.
 */
public enum Operator {
  /** The key is present and its value is one of the values ({@code k in (a,b)}). */
  IN("In"),
  /** The key is absent, or present with a value that is none of the values. */
  NOT_IN("NotIn"),
  /** The key is present, with any value ({@code k}). */
  EXISTS("Exists"),
  /** The key is absent ({@code !k}). */
  DOES_NOT_EXIST("DoesNotExist"),
  /** The key is present with exactly the one value ({@code k=v}). */
  EQUALS("="),
  /** Same as {@link #EQUALS}, spelled {@code k==v}. */
  DOUBLE_EQUALS("=="),
  /** The key is absent, or present with a value other than the one value ({@code k!=v}). */
  NOT_EQUALS("!="),
  /** The key is present with an integer value greater than the one integer value ({@code k>1}). */
  GREATER_THAN("Gt"),
  /** The key is present with an integer value less than the one integer value ({@code k<1}). */
  LESS_THAN("Lt");

  private static final Operator[] LABEL_SELECTOR_OPERATORS = {IN, NOT_IN, EXISTS, DOES_NOT_EXIST};

  private final String apiName;

  Operator(String apiName) {
    this.apiName = apiName;
  }

  /**
   * Reads the operator of a {@code metav1.LabelSelectorRequirement}: exactly {@code In}, {@code
   * NotIn}, {@code Exists} or {@code DoesNotExist} (case-sensitive, as the API server).
   *
   * @param operator the operator as written in a Kubernetes object
   * @return the operator
   * @throws InvalidSelectorException if {@code operator} is none of the four
   */
  public static Operator fromString(String operator) {
    if (operator != null) {
      for (Operator candidate : LABEL_SELECTOR_OPERATORS) {
        if (candidate.apiName.equals(operator)) {
          return candidate;
        }
      }
    }
    throw new InvalidSelectorException(
        "operator "
            + (operator == null ? "null" : KubernetesNames.quote(operator))
            + " is not a valid label selector operator; expected In, NotIn, Exists or"
            + " DoesNotExist");
  }

  /**
   * Returns the name of this operator in the Kubernetes API: {@code In}, {@code NotIn}, {@code
   * Exists}, {@code DoesNotExist} (as accepted by {@link #fromString}), or {@code =}, {@code ==},
   * {@code !=}, {@code Gt}, {@code Lt} for the operators only the string syntax has.
   *
   * @return the API name
   */
  public String apiName() {
    return apiName;
  }

  /** The operator this one means the same as, so that equal meaning gives equal requirements. */
  Operator canonical() {
    return switch (this) {
      case EQUALS, DOUBLE_EQUALS -> IN;
      case NOT_EQUALS -> NOT_IN;
      default -> this;
    };
  }
}
