package dev.imps.envtest.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the Prometheus text exposition format (version 0.0.4) as the API server and the operator
 * serve it: comment lines are skipped, label values may contain escaped quotes, backslashes and
 * newlines, and a timestamp after the value is ignored.
 */
public final class PrometheusText {

  /**
   * One sample.
   *
   * @param name the metric name
   * @param labels the labels in the order given
   * @param value the value
   */
  public record Sample(String name, Map<String, String> labels, double value) {

    /**
     * Copies the labels.
     *
     * @throws NullPointerException if the name or labels are null
     */
    public Sample {
      Objects.requireNonNull(name, "name");
      labels = Map.copyOf(labels);
    }

    /**
     * Returns one label's value.
     *
     * @param label the label name
     * @return its value, or the empty string when absent (as Prometheus treats it)
     */
    public String label(String label) {
      return labels.getOrDefault(label, "");
    }
  }

  private PrometheusText() {}

  /**
   * Parses the samples of every metric.
   *
   * @param text the exposition text
   * @return the samples in order
   * @throws IllegalArgumentException naming the line if a sample line is malformed
   */
  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        samples.add(parseLine(trimmed));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "metrics line " + lineNumber + " is not a sample: " + abbreviate(trimmed), e);
      }
    }
    return samples;
  }

  /**
   * Parses the samples of one metric.
   *
   * @param text the exposition text
   * @param name the metric name
   * @return its samples in order
   */
  public static List<Sample> samples(String text, String name) {
    return parse(text).stream().filter(s -> s.name().equals(name)).toList();
  }

  /**
   * Adds up every sample of one metric whose labels include the given ones.
   *
   * @param samples parsed samples
   * @param name the metric name
   * @param labels labels a sample must carry with these values; empty for all
   * @return the sum, 0 when none matches
   */
  public static double sum(List<Sample> samples, String name, Map<String, String> labels) {
    double sum = 0;
    for (Sample sample : samples) {
      if (sample.name().equals(name)
          && labels.entrySet().stream()
              .allMatch(e -> e.getValue().equals(sample.label(e.getKey())))) {
        sum += sample.value();
      }
    }
    return sum;
  }

  private static Sample parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = parseLabels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] tail = line.substring(rest).strip().split("\\s+");
    return new Sample(name, labels, parseValue(tail[0]));
  }

  /** Parses {@code a="x",b="y"}} from {@code from}; returns the index after the closing brace. */
  private static int parseLabels(String line, int from, Map<String, String> labels) {
    int i = from;
    while (true) {
      while (line.charAt(i) == ' ' || line.charAt(i) == ',') {
        i++;
      }
      if (line.charAt(i) == '}') {
        return i + 1;
      }
      int equals = line.indexOf('=', i);
      String key = line.substring(i, equals).strip();
      i = equals + 1;
      if (line.charAt(i) != '"') {
        throw new IllegalArgumentException("label value must be quoted");
      }
      i++;
      StringBuilder value = new StringBuilder();
      while (line.charAt(i) != '"') {
        char c = line.charAt(i);
        if (c == '\\') {
          char escaped = line.charAt(++i);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
        i++;
      }
      labels.put(key, value.toString());
      i++;
    }
  }

  private static double parseValue(String value) {
    switch (value) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        return Double.parseDouble(value);
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
