package dev.imps.controller.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the facts tests check out of {@code imps plan -o json} output. */
final class PlanJson {

  private PlanJson() {}

  /** Returns the plan of one ImagePullSecret. */
  static JsonObject plan(JsonObject report, String name) {
    for (JsonElement plan : report.getAsJsonArray("imagePullSecrets")) {
      if (plan.getAsJsonObject().get("name").getAsString().equals(name)) {
        return plan.getAsJsonObject();
      }
    }
    throw new AssertionError("no plan for ImagePullSecret " + name + " in " + report);
  }

  /** Returns namespace → clause of the selected namespaces. */
  static Map<String, String> selected(JsonObject plan) {
    Map<String, String> selected = new LinkedHashMap<>();
    for (JsonElement namespace : plan.getAsJsonArray("selectedNamespaces")) {
      JsonObject entry = namespace.getAsJsonObject();
      selected.put(entry.get("namespace").getAsString(), entry.get("clause").getAsString());
    }
    return selected;
  }

  /** Returns the changes as {@code action namespace/secret}. */
  static List<String> changes(JsonObject plan) {
    List<String> changes = new ArrayList<>();
    for (JsonElement change : plan.getAsJsonArray("changes")) {
      JsonObject entry = change.getAsJsonObject();
      changes.add(
          entry.get("action").getAsString()
              + " "
              + entry.get("namespace").getAsString()
              + "/"
              + entry.get("secret").getAsString());
    }
    return changes;
  }

  /** Returns the reason of the change to one secret. */
  static String reason(JsonObject plan, String namespace, String secret) {
    for (JsonElement change : plan.getAsJsonArray("changes")) {
      JsonObject entry = change.getAsJsonObject();
      if (entry.get("namespace").getAsString().equals(namespace)
          && entry.get("secret").getAsString().equals(secret)) {
        return entry.get("reason").getAsString();
      }
    }
    throw new AssertionError("no change to " + namespace + "/" + secret + " in " + plan);
  }

  /** Returns the source entry of one source secret. */
  static JsonObject source(JsonObject plan, String secret) {
    for (JsonElement source : plan.getAsJsonArray("sources")) {
      if (source.getAsJsonObject().get("secret").getAsString().equals(secret)) {
        return source.getAsJsonObject();
      }
    }
    throw new AssertionError("no source " + secret + " in " + plan);
  }
}
