package dev.imps.envtest;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Kubernetes object as plain maps and lists, sent as-is (no typed model that could add or drop
 * fields), with edits by path such as {@code spec.target.namespaces.labels[0].matchExpressions}.
 */
final class Manifest {

  private static final Gson GSON = new Gson();

  private final Map<String, Object> tree;

  private Manifest(Map<String, Object> tree) {
    this.tree = tree;
  }

  static Manifest fromResource(String resource) {
    try (InputStream in = Manifest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return fromYaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Manifest fromYaml(String yaml) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    // Through JSON so numbers and nesting look exactly as they will come back from the server.
    return new Manifest(
        GSON.fromJson(GSON.toJson(tree), new TypeToken<Map<String, Object>>() {}.getType()));
  }

  Manifest copy() {
    return new Manifest(
        GSON.fromJson(GSON.toJson(tree), new TypeToken<Map<String, Object>>() {}.getType()));
  }

  Map<String, Object> tree() {
    return tree;
  }

  Object get(String path) {
    Object node = tree;
    for (String step : steps(path)) {
      node = child(node, step);
    }
    return node;
  }

  Manifest set(String path, Object value) {
    List<String> steps = steps(path);
    Object parent = parentOf(steps);
    String last = steps.get(steps.size() - 1);
    if (parent instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> values = (List<Object>) list;
      values.set(Integer.parseInt(last), value);
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) parent;
      map.put(last, value);
    }
    return this;
  }

  Manifest remove(String path) {
    List<String> steps = steps(path);
    Object parent = parentOf(steps);
    String last = steps.get(steps.size() - 1);
    if (parent instanceof List<?> list) {
      list.remove(Integer.parseInt(last));
    } else {
      ((Map<?, ?>) parent).remove(last);
    }
    return this;
  }

  private Object parentOf(List<String> steps) {
    Object node = tree;
    for (String step : steps.subList(0, steps.size() - 1)) {
      node = child(node, step);
    }
    return node;
  }

  private static Object child(Object node, String step) {
    if (node instanceof List<?> list) {
      return list.get(Integer.parseInt(step));
    }
    if (node instanceof Map<?, ?> map && map.containsKey(step)) {
      return map.get(step);
    }
    throw new IllegalArgumentException("no " + step + " in " + node);
  }

  /** {@code a.b[0].c} → {@code a, b, 0, c}. */
  private static List<String> steps(String path) {
    return List.of(path.replace("[", ".").replace("]", "").split("\\."));
  }

  @Override
  public String toString() {
    return GSON.toJson(tree);
  }
}
