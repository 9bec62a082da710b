package dev.imps.controller.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the plan's input from YAML or JSON files: each file may hold several documents ({@code
 * ---}), each document one object or a {@code List}. A folder is read recursively, files ending in
 * {@code .yaml}, {@code .yml} or {@code .json} in name order; a file named explicitly is read
 * whatever its name.
 *
 * <p>YAML is parsed safely (no custom tags, no duplicate keys, a limit on aliases). A YAML syntax
 * error names the file, the document and the line and column, but never quotes the text, which may
 * be a secret. Stateless and thread-safe.
 */
public final class ManifestReader {

  /** Where the examples are embedded in the jar (a copy of the repository's {@code examples/}). */
  public static final String EMBEDDED_EXAMPLES = "dev/imps/controller/plan/examples";

  /** How the embedded examples are named in messages and output. */
  public static final String EMBEDDED_LABEL = "embedded examples/";

  private ManifestReader() {}

  /**
   * Reads files and folders.
   *
   * @param paths files or folders, at least one
   * @return the decoded objects
   * @throws PlanInputException if a path does not exist or cannot be read, or a document is
   *     invalid; the message names the file, document and field
   */
  public static ClusterObjects read(List<Path> paths) throws PlanInputException {
    ClusterObjects.Builder objects = ClusterObjects.builder();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        for (Path file : manifestFiles(path)) {
          readFile(file, file.toString(), objects);
        }
      } else if (Files.isRegularFile(path)) {
        readFile(path, path.toString(), objects);
      } else {
        throw new PlanInputException(path + ": no such file or folder");
      }
    }
    return objects.build();
  }

  /**
   * Reads the examples embedded in the jar, the default input of {@code imps plan}.
   *
   * @return the decoded objects
   * @throws PlanInputException if the jar has no examples (a broken build) or they are invalid
   */
  public static ClusterObjects readEmbeddedExamples() throws PlanInputException {
    URL url = ManifestReader.class.getClassLoader().getResource(EMBEDDED_EXAMPLES);
    if (url == null) {
      throw new PlanInputException(
          "the examples are not embedded in this build (" + EMBEDDED_EXAMPLES + ")");
    }
    ClusterObjects.Builder objects = ClusterObjects.builder();
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        readFromJar(uri, objects);
      } else {
        readEmbedded(Path.of(uri), objects);
      }
    } catch (IOException | URISyntaxException e) {
      throw new PlanInputException("cannot read the embedded examples: " + e.getMessage(), e);
    }
    return objects.build();
  }

  /**
   * Parses the documents of one text.
   *
   * @param text YAML or JSON
   * @param source the name of the text in messages
   * @param objects where decoded objects go
   * @throws PlanInputException if the text is not YAML or a document is invalid
   */
  static void readText(Reader text, String source, ClusterObjects.Builder objects)
      throws PlanInputException {
    Iterator<Object> documents = yaml().loadAll(text).iterator();
    int index = 0;
    while (true) {
      index++;
      Object document;
      try {
        if (!documents.hasNext()) {
          return;
        }
        document = documents.next();
      } catch (MarkedYAMLException e) {
        throw new PlanInputException(
            Origin.document(source, index) + ": not valid YAML: " + describe(e));
      } catch (YAMLException e) {
        throw new PlanInputException(Origin.document(source, index) + ": not valid YAML");
      }
      ObjectDecoder.decode(document, Origin.document(source, index), objects);
    }
  }

  private static List<Path> manifestFiles(Path folder) throws PlanInputException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(ManifestReader::isManifest)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new PlanInputException(folder + ": cannot list the folder: " + e.getMessage(), e);
    }
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
  }

  private static void readFile(Path file, String source, ClusterObjects.Builder objects)
      throws PlanInputException {
    try (InputStream in = Files.newInputStream(file);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      readText(reader, source, objects);
    } catch (IOException e) {
      throw new PlanInputException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void readEmbedded(Path root, ClusterObjects.Builder objects)
      throws IOException, PlanInputException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).filter(ManifestReader::isManifest).forEach(files::add);
    }
    files.sort((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()));
    for (Path file : files) {
      readFile(file, EMBEDDED_LABEL + root.relativize(file), objects);
    }
  }

  private static void readFromJar(URI uri, ClusterObjects.Builder objects)
      throws IOException, PlanInputException {
    FileSystem jar;
    boolean opened;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
      opened = false;
    }
    try {
      readEmbedded(jar.provider().getPath(uri), objects);
    } finally {
      if (opened) {
        jar.close();
      }
    }
  }

  private static String describe(MarkedYAMLException e) {
    // Problem and position only: the exception's message quotes the text around the error.
    Mark mark = e.getProblemMark();
    String where =
        mark == null
            ? ""
            : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    return (e.getProblem() == null ? "syntax error" : e.getProblem()) + where;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setAllowRecursiveKeys(false);
    return new Yaml(new SafeConstructor(options));
  }
}
