package dev.imps.controller.cli;

/** Entry point of the imps jar. The operator issue replaces this with the real command line. */
public final class Main {
  private Main() {}

  /**
   * Prints the usage.
   *
   * @param args ignored for now
   */
  public static void main(String[] args) {
    System.out.println(
        "usage: imps <controller|refresh|plan> [options] (the operator is not built yet)");
  }
}
