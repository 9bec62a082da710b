package dev.imps.api;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads YAML test resources into Gson trees, so YAML and JSON compare as trees. */
public final class YamlTestResources {

  private static final Gson GSON = new Gson();

  private YamlTestResources() {}

  /**
   * Parses one YAML document into a JSON tree; timestamps stay strings, as in Kubernetes JSON.
   *
   * @param yaml the document
   * @return the tree
   */
  public static JsonElement parse(String yaml) {
    return GSON.toJsonTree(yaml().load(yaml));
  }

  /**
   * Reads a classpath YAML resource into a JSON tree.
   *
   * @param resource the path, such as {@code dev/imps/api/examples/names.yaml}
   * @return the tree
   */
  public static JsonElement tree(String resource) {
    return parse(resource(resource));
  }

  /**
   * Reads a classpath resource as UTF-8 text.
   *
   * @param resource the path, such as {@code dev/imps/api/examples/names.yaml}
   * @return the text
   */
  public static String resource(String resource) {
    try (InputStream in = YamlTestResources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new DumperOptions()),
        new DumperOptions(),
        options,
        new NoTimestampResolver());
  }

  /** The YAML 1.1 resolver without the timestamp rule: Kubernetes treats timestamps as strings. */
  private static final class NoTimestampResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
