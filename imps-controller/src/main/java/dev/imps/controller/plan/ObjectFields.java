package dev.imps.controller.plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the fields of one parsed object (maps, lists and scalars as SnakeYAML or Gson
 * give them), where every problem becomes a {@link PlanInputException} naming the origin, the
 * object and the field path, e.g. {@code examples/secrets.yaml document 2 (Secret
 * registry-access/ecr): stringData.accountID: must be a string}. Values are never quoted.
 *
 * <p>Immutable; the underlying map is only read.
 */
final class ObjectFields {

  private final Map<?, ?> map;
  private final Origin origin;
  private final String subject;
  private final String path;

  private ObjectFields(Map<?, ?> map, Origin origin, String subject, String path) {
    this.map = map;
    this.origin = origin;
    this.subject = subject;
    this.path = path;
  }

  /**
   * Wraps a whole document or list item.
   *
   * @param map the object
   * @param origin where it came from
   * @param subject what it is, e.g. {@code Secret} until its name is known
   * @return the fields
   */
  static ObjectFields of(Map<?, ?> map, Origin origin, String subject) {
    return new ObjectFields(map, origin, subject, "");
  }

  /**
   * Returns the same fields under a better name for the object, once its name is known.
   *
   * @param newSubject e.g. {@code Secret registry-access/ecr}
   * @return the fields
   */
  ObjectFields about(String newSubject) {
    return new ObjectFields(map, origin, newSubject, path);
  }

  Origin origin() {
    return origin;
  }

  String subject() {
    return subject;
  }

  /** Returns the raw map, e.g. to convert it with Gson once its shape has been checked. */
  Map<?, ?> raw() {
    return map;
  }

  /** Returns the path of this object in its document, {@code ""} for the document itself. */
  String path() {
    return path;
  }

  /** Returns the full path of a field of this object, e.g. {@code metadata.labels}. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Builds the error for a field of this object. */
  PlanInputException error(String key, String problem) {
    return errorAt(pathOf(key), problem);
  }

  /** Builds the error for a full path. */
  PlanInputException errorAt(String fullPath, String problem) {
    return new PlanInputException(
        origin + " (" + subject + "): " + (fullPath.isEmpty() ? "" : fullPath + ": ") + problem);
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  Optional<String> string(String key) throws PlanInputException {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw error(key, "must be a string, not " + typeName(value));
    }
    return Optional.of(text);
  }

  String requiredString(String key) throws PlanInputException {
    Optional<String> value = string(key);
    if (value.isEmpty() || value.get().isEmpty()) {
      throw error(key, "required");
    }
    return value.get();
  }

  Optional<Long> integer(String key) throws PlanInputException {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return Optional.of(number.longValue());
    }
    throw error(key, "must be an integer, not " + typeName(value));
  }

  /** Reads an RFC 3339 timestamp, quoted (as kubectl prints it) or as YAML parsed it. */
  Optional<Instant> timestamp(String key) throws PlanInputException {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Date date) {
      return Optional.of(date.toInstant());
    }
    if (value instanceof String text) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e) {
        throw error(key, "not an RFC 3339 timestamp like 2024-05-01T12:00:00Z");
      }
    }
    throw error(key, "must be a timestamp, not " + typeName(value));
  }

  Optional<ObjectFields> object(String key) throws PlanInputException {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> nested)) {
      throw error(key, "must be an object, not " + typeName(value));
    }
    return Optional.of(new ObjectFields(nested, origin, subject, pathOf(key)));
  }

  ObjectFields objectOrEmpty(String key) throws PlanInputException {
    return object(key).orElseGet(() -> new ObjectFields(Map.of(), origin, subject, pathOf(key)));
  }

  List<ObjectFields> objects(String key) throws PlanInputException {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error(key, "must be a list, not " + typeName(value));
    }
    List<ObjectFields> objects = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String itemPath = pathOf(key) + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        throw errorAt(itemPath, "must be an object, not " + typeName(list.get(i)));
      }
      objects.add(new ObjectFields(item, origin, subject, itemPath));
    }
    return objects;
  }

  /** Reads a map of strings, e.g. labels: every key and value must be a string. */
  Map<String, String> stringMap(String key) throws PlanInputException {
    Object value = map.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> entries)) {
      throw error(key, "must be an object of strings, not " + typeName(value));
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        throw error(key, "has a key that is not a string");
      }
      Object entryValue = entry.getValue();
      if (entryValue == null) {
        continue;
      }
      if (!(entryValue instanceof String text)) {
        throw errorAt(
            entryPath(pathOf(key), name),
            "must be a string, not " + typeName(entryValue) + " (quote it)");
      }
      strings.put(name, text);
    }
    return strings;
  }

  /**
   * Returns the path of a map entry: {@code data.password}, or {@code data[".dockerconfigjson"]}
   * when the key has dots or slashes (label keys, secret keys) and would read as a path itself.
   */
  static String entryPath(String mapPath, String key) {
    return key.matches("[A-Za-z0-9_-]+") ? mapPath + "." + key : mapPath + "[\"" + key + "\"]";
  }

  /** Names a parsed value's type for messages, without showing the value. */
  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Date) {
      return "a timestamp";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
