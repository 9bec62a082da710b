package dev.imps.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A stream of Kubernetes objects, such as {@code helm template} prints, parsed into maps.
 *
 * @param yaml the text as rendered
 * @param objects the non-empty documents in order
 */
record Manifests(String yaml, List<Map<String, Object>> objects) {

  Manifests {
    objects = List.copyOf(objects);
  }

  @SuppressWarnings("unchecked")
  static Manifests parse(String yaml) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
      if (document == null) {
        continue;
      }
      if (!(document instanceof Map<?, ?> map) || map.get("kind") == null) {
        throw new AssertionError("not a Kubernetes object: " + document);
      }
      objects.add((Map<String, Object>) map);
    }
    return new Manifests(yaml, objects);
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  /** The one object of this kind; fails when there is none or more than one. */
  Map<String, Object> single(String kind) {
    List<Map<String, Object>> found = ofKind(kind);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + kind + ", found " + found.size() + " in:\n" + yaml);
    }
    return found.get(0);
  }

  List<String> kinds() {
    return objects.stream().map(o -> String.valueOf(o.get("kind"))).toList();
  }

  /** The value at a dotted path such as {@code spec.template.spec}; list items by index. */
  static Object at(Object tree, String path) {
    Object node = tree;
    for (String step : path.split("\\.")) {
      if (node instanceof Map<?, ?> map) {
        node = map.get(step);
      } else if (node instanceof List<?> list && step.matches("\\d+")) {
        int index = Integer.parseInt(step);
        node = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapAt(Object tree, String path) {
    return (Map<String, Object>) Objects.requireNonNull(at(tree, path), path);
  }

  @SuppressWarnings("unchecked")
  static List<Object> listAt(Object tree, String path) {
    return (List<Object>) Objects.requireNonNull(at(tree, path), path);
  }

  static String name(Map<String, Object> object) {
    return String.valueOf(at(object, "metadata.name"));
  }
}
