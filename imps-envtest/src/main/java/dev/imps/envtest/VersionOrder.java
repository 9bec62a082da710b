package dev.imps.envtest;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders version folder names such as {@code v1.34.4} numerically part by part, so {@code v1.34.10}
 * is newer than {@code v1.34.9}; names that are not versions sort before all versions.
 */
final class VersionOrder implements Comparator<String> {

  static final VersionOrder INSTANCE = new VersionOrder();

  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(.*)");

  private VersionOrder() {}

  @Override
  public int compare(String left, String right) {
    Matcher a = VERSION.matcher(left);
    Matcher b = VERSION.matcher(right);
    boolean aIsVersion = a.matches();
    boolean bIsVersion = b.matches();
    if (aIsVersion != bIsVersion) {
      return aIsVersion ? 1 : -1;
    }
    if (!aIsVersion) {
      return left.compareTo(right);
    }
    for (int group = 1; group <= 3; group++) {
      int byPart = Long.compare(Long.parseLong(a.group(group)), Long.parseLong(b.group(group)));
      if (byPart != 0) {
        return byPart;
      }
    }
    // A release ("") is newer than its pre-releases ("-rc.1").
    String aSuffix = a.group(4);
    String bSuffix = b.group(4);
    if (aSuffix.isEmpty() != bSuffix.isEmpty()) {
      return aSuffix.isEmpty() ? 1 : -1;
    }
    return aSuffix.compareTo(bSuffix);
  }
}
