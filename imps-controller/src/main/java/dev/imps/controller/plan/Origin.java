package dev.imps.controller.plan;

import java.util.Objects;

/**
 * Where an object of the plan's input came from, for error messages: a file and the document in it,
 * and the item within a {@code List} document.
 *
 * @param source the file as the user named it, {@code embedded examples/...}, or {@code cluster}
 * @param document the 1-based document number in the file; 0 when the source has no documents
 * @param item the position in a list document, e.g. {@code items[3]}; {@code ""} for a whole
 *     document
 */
public record Origin(String source, int document, String item) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public Origin {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(item, "item");
  }

  /**
   * Returns the origin of a document of a file.
   *
   * @param source the file
   * @param document the 1-based document number
   * @return the origin
   */
  public static Origin document(String source, int document) {
    return new Origin(source, document, "");
  }

  /**
   * Returns the origin of an object read from a cluster.
   *
   * @param request what was read, e.g. {@code LIST namespaces}
   * @return the origin
   */
  public static Origin cluster(String request) {
    return new Origin("cluster (" + request + ")", 0, "");
  }

  /**
   * Returns the origin of an item of this list document.
   *
   * @param index the item's index in {@code items}
   * @return the origin of the item
   */
  public Origin item(int index) {
    return new Origin(
        source, document, (item.isEmpty() ? "" : item + ".") + "items[" + index + "]");
  }

  /** Returns e.g. {@code examples/pods.yaml document 2 items[0]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(source);
    if (document > 0) {
      text.append(" document ").append(document);
    }
    if (!item.isEmpty()) {
      text.append(' ').append(item);
    }
    return text.toString();
  }
}
