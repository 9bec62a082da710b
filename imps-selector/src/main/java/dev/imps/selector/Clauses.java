package dev.imps.selector;

import java.util.List;

/**
 * One list of selectors of a {@link NamespaceRule} with the clause name of each entry ({@code
 * namespaces.labels[0]}, ...) and its positive {@link Decision}, both computed once.
 *
 * @param <S> the selector type
 */
final class Clauses<S> {

  private final List<S> selectors;
  private final String[] names;
  private final Decision[] decisions;

  Clauses(String listName, List<S> selectors) {
    this.selectors = selectors;
    this.names = new String[selectors.size()];
    this.decisions = new Decision[selectors.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = listName + "[" + i + "]";
      decisions[i] = Decision.matched(names[i]);
    }
  }

  int size() {
    return names.length;
  }

  S selector(int index) {
    return selectors.get(index);
  }

  String name(int index) {
    return names[index];
  }

  Decision decision(int index) {
    return decisions[index];
  }
}
