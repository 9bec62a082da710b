package dev.imps.controller.reconcile;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The value of {@link ReconcileConstants#ADDED_PULL_SECRETS_ANNOTATION}: which {@code
 * imagePullSecrets} entries of a ServiceAccount imps added, and for which {@code ImagePullSecret}
 * uids. Written as {@code <secret name>=<owner uid>} pairs, sorted, comma-separated.
 *
 * <p>A name can be held by several uids (two {@code ImagePullSecret}s taking turns on one secret
 * name); the reference goes only when the last of them lets go. Immutable.
 */
public final class AddedPullSecrets {

  private static final AddedPullSecrets NONE = new AddedPullSecrets(new TreeMap<>());

  private final TreeMap<String, TreeSet<String>> uidsByName;

  private AddedPullSecrets(TreeMap<String, TreeSet<String>> uidsByName) {
    this.uidsByName = uidsByName;
  }

  /**
   * Returns the empty record.
   *
   * @return the record of a ServiceAccount imps never patched
   */
  public static AddedPullSecrets none() {
    return NONE;
  }

  /**
   * Parses the annotation value. Malformed pairs are ignored, so that a hand edit cannot stop
   * reconciliation; they disappear with the next write.
   *
   * @param value the annotation value; {@code null} means none
   * @return the record
   */
  public static AddedPullSecrets parse(String value) {
    TreeMap<String, TreeSet<String>> uidsByName = new TreeMap<>();
    if (value != null) {
      for (String pair : value.split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          continue;
        }
        String name = pair.substring(0, eq).trim();
        String uid = pair.substring(eq + 1).trim();
        if (!name.isEmpty() && !uid.isEmpty()) {
          uidsByName.computeIfAbsent(name, n -> new TreeSet<>()).add(uid);
        }
      }
    }
    return new AddedPullSecrets(uidsByName);
  }

  /**
   * Reads the record of a ServiceAccount.
   *
   * @param account the ServiceAccount
   * @return the record, empty if it has no annotation
   */
  public static AddedPullSecrets of(ServiceAccountSnapshot account) {
    return parse(account.annotations().get(ReconcileConstants.ADDED_PULL_SECRETS_ANNOTATION));
  }

  /**
   * Returns the secret names imps added.
   *
   * @return the names, sorted
   */
  public Set<String> names() {
    return Set.copyOf(uidsByName.keySet());
  }

  /**
   * Returns the uids that hold a name.
   *
   * @param name the secret name
   * @return the uids, empty if imps did not add the name
   */
  public Set<String> holders(String name) {
    TreeSet<String> uids = uidsByName.get(name);
    return uids == null ? Set.of() : Set.copyOf(uids);
  }

  /**
   * Returns the names one uid holds.
   *
   * @param uid an {@code ImagePullSecret} uid
   * @return the names, sorted
   */
  public Set<String> namesHeldBy(String uid) {
    return uidsByName.entrySet().stream()
        .filter(e -> e.getValue().contains(uid))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Returns a record where {@code uid} also holds {@code name}.
   *
   * @param name the secret name
   * @param uid the {@code ImagePullSecret} uid
   * @return the new record
   */
  public AddedPullSecrets with(String name, String uid) {
    TreeMap<String, TreeSet<String>> copy = deepCopy();
    copy.computeIfAbsent(name, n -> new TreeSet<>()).add(uid);
    return new AddedPullSecrets(copy);
  }

  /**
   * Returns a record where {@code uid} no longer holds {@code name}.
   *
   * @param name the secret name
   * @param uid the {@code ImagePullSecret} uid
   * @return the new record; the name is gone from it if no uid holds it any more
   */
  public AddedPullSecrets without(String name, String uid) {
    TreeMap<String, TreeSet<String>> copy = deepCopy();
    TreeSet<String> uids = copy.get(name);
    if (uids != null) {
      uids.remove(uid);
      if (uids.isEmpty()) {
        copy.remove(name);
      }
    }
    return new AddedPullSecrets(copy);
  }

  /**
   * Tells whether the record is empty.
   *
   * @return {@code true} if imps holds no reference
   */
  public boolean isEmpty() {
    return uidsByName.isEmpty();
  }

  /**
   * Formats the annotation value.
   *
   * @return sorted {@code name=uid} pairs joined by commas; {@code ""} if empty
   */
  public String format() {
    return uidsByName.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(uid -> e.getKey() + "=" + uid))
        .collect(Collectors.joining(","));
  }

  private TreeMap<String, TreeSet<String>> deepCopy() {
    TreeMap<String, TreeSet<String>> copy = new TreeMap<>();
    uidsByName.forEach((name, uids) -> copy.put(name, new TreeSet<>(uids)));
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddedPullSecrets that && uidsByName.equals(that.uidsByName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uidsByName);
  }

  @Override
  public String toString() {
    return format();
  }
}
