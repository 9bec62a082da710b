package dev.imps.credentials;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One source of credentials as read from wherever it is stored: a name, a secret type and its data.
 *
 * <p>Immutable: the data is copied in and every read returns a copy, so callers cannot change it
 * behind the renderer's back. {@link #toString()} shows the data keys, never the values. Two
 * instances are equal when name, type and data bytes are equal.
 */
public final class SourceSecret {

  private final String name;
  private final String type;
  private final Map<String, byte[]> data;

  private SourceSecret(String name, String type, Map<String, byte[]> data) {
    this.name = name;
    this.type = type;
    this.data = data;
  }

  /**
   * Creates a source secret.
   *
   * @param name the source's name as shown in messages, e.g. {@code "registry-access/ecr-login"}
   * @param type the secret type, e.g. {@value SecretFormats#TYPE_DOCKER_CONFIG_JSON}; an empty type
   *     is kept and rejected later as unknown, so the error names the source
   * @param data the secret's data (decoded bytes, not base64); {@code null} means no data
   * @return the secret, holding copies of the data arrays
   * @throws NullPointerException if name or type is null, or data holds a null key or value
   * @throws IllegalArgumentException if name is blank
   */
  public static SourceSecret of(String name, String type, Map<String, byte[]> data) {
    Objects.requireNonNull(name, "source name must not be null");
    Objects.requireNonNull(type, "secret type of source " + SafeText.quote(name) + " is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("source name must not be blank");
    }
    TreeMap<String, byte[]> copy = new TreeMap<>();
    if (data != null) {
      data.forEach(
          (key, value) -> {
            Objects.requireNonNull(key, "data key of source " + SafeText.quote(name) + " is null");
            Objects.requireNonNull(
                value,
                "value of key " + SafeText.quote(key) + " of " + SafeText.quote(name) + " is null");
            copy.put(key, value.clone());
          });
    }
    return new SourceSecret(name, type, Collections.unmodifiableMap(copy));
  }

  /**
   * Returns the source's name.
   *
   * @return the name, as given to {@link #of}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the secret type.
   *
   * @return the type, as given to {@link #of}
   */
  public String type() {
    return type;
  }

  /**
   * Returns a copy of the data.
   *
   * @return a new map from key to a copy of the value, sorted by key
   */
  public Map<String, byte[]> data() {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    data.forEach((key, value) -> copy.put(key, value.clone()));
    return copy;
  }

  /**
   * Returns a copy of one value.
   *
   * @param key the data key
   * @return a copy of the value, or empty when the key is absent
   */
  public Optional<byte[]> value(String key) {
    byte[] value = data.get(key);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  /**
   * Returns the data keys.
   *
   * @return the keys, sorted
   */
  public SortedSet<String> keys() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(data.keySet()));
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SourceSecret)) {
      return false;
    }
    SourceSecret that = (SourceSecret) other;
    if (!name.equals(that.name) || !type.equals(that.type)) {
      return false;
    }
    if (!data.keySet().equals(that.data.keySet())) {
      return false;
    }
    return data.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), that.data.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(name, type);
    for (Map.Entry<String, byte[]> e : data.entrySet()) {
      hash = 31 * hash + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
    }
    return hash;
  }

  /** Shows name, type and data keys; never the values. */
  @Override
  public String toString() {
    return "SourceSecret[name=" + name + ", type=" + type + ", keys=" + data.keySet() + "]";
  }
}
