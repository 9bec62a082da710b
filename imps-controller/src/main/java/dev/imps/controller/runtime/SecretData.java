package dev.imps.controller.runtime;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A cached secret's data as an immutable map that is equal to another {@code SecretData} when the
 * keys and the bytes are, so that equal data held by many cached secrets can be kept once ({@link
 * CacheTransforms}). The arrays are never modified: readers copy what they keep ({@code
 * SecretSnapshot}). {@link #toString()} names the keys only.
 */
final class SecretData extends AbstractMap<String, byte[]> {

  private final Map<String, byte[]> entries;
  private final int hash;

  private SecretData(Map<String, byte[]> entries) {
    this.entries = entries;
    int h = 0;
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      h += entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue());
    }
    this.hash = h;
  }

  /**
   * Returns the data as a {@code SecretData}; entries with a {@code null} key or value are dropped.
   *
   * @param data a secret's data
   * @return an immutable map holding the same arrays
   */
  static SecretData of(Map<String, byte[]> data) {
    if (data instanceof SecretData already) {
      return already;
    }
    @SuppressWarnings("unchecked")
    Map.Entry<String, byte[]>[] entries =
        data.entrySet().stream()
            .filter(e -> e.getKey() != null && e.getValue() != null)
            .map(e -> Map.entry(e.getKey().intern(), e.getValue()))
            .toArray(Map.Entry[]::new);
    return new SecretData(Map.ofEntries(entries));
  }

  @Override
  public Set<Map.Entry<String, byte[]>> entrySet() {
    return entries.entrySet();
  }

  @Override
  public byte[] get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SecretData that)
        || hash != that.hash
        || !entries.keySet().equals(that.entries.keySet())) {
      return false;
    }
    return entries.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), that.entries.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "SecretData" + entries.keySet();
  }
}
