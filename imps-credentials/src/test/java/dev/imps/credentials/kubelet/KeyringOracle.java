package dev.imps.credentials.kubelet;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.imps.testsupport.process.Command;
import dev.imps.testsupport.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kubelet's own credential lookup, run as a separate program ({@code
 * scripts/keyring-oracle/main.go}, built by {@code scripts/keyring-oracle.sh}): for a {@code
 * .dockerconfigjson} and image references it answers which credentials the kubelet would try.
 *
 * <p>The binary comes from {@code IMPS_KEYRING_ORACLE} (set by {@code scripts/test.sh}); without it
 * {@link #locate()} fails with a message naming the script, as the other integration tests do for
 * their binaries. One {@link #ask} runs the program once for a whole batch of cases.
 */
final class KeyringOracle {

  static final String VARIABLE = "IMPS_KEYRING_ORACLE";
  static final String SCRIPT = "scripts/keyring-oracle.sh";

  private static final Gson GSON = new Gson();
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;

  private KeyringOracle(Path binary) {
    this.binary = binary;
  }

  /** Finds the oracle named by {@value #VARIABLE}. */
  static KeyringOracle locate() {
    String configured = System.getenv(VARIABLE);
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException(
          VARIABLE
              + " is not set; run "
              + SCRIPT
              + " and export "
              + VARIABLE
              + "=<its last line> (scripts/test.sh does both)");
    }
    Path binary = Path.of(configured);
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new IllegalStateException(
          VARIABLE + "=" + configured + " is not an executable file; run " + SCRIPT);
    }
    return new KeyringOracle(binary);
  }

  /** One question: a docker config, image references (normalized) and raw keyring lookups. */
  record Case(String dockerConfigJson, List<String> images, List<String> lookups) {}

  /** A credential the kubelet would try. */
  record Credential(String username, String password) {
    boolean isEmpty() {
      return username.isEmpty() && password.isEmpty();
    }

    @Override
    public String toString() {
      return username + ":" + password;
    }
  }

  /**
   * The answer to one case: an error when the kubelet rejects the config, else per image and per
   * lookup the credentials in the order tried.
   */
  record Answer(String error, List<Set<Credential>> images, List<Set<Credential>> lookups) {}

  /** Asks a batch of cases in one run of the program. */
  List<Answer> ask(List<Case> cases) {
    CommandResult result =
        Command.of(List.of(binary.toString()))
            .withInput(GSON.toJson(cases))
            .withTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .run();
    if (!result.succeeded()) {
      throw new IllegalStateException(binary + " failed: " + result.stderr());
    }
    return parse(result.stdout(), cases.size());
  }

  private static List<Answer> parse(String json, int expected) {
    JsonArray results = GSON.fromJson(json, JsonArray.class);
    if (results.size() != expected) {
      throw new IllegalStateException(
          "the oracle answered " + results.size() + " cases, asked " + expected);
    }
    List<Answer> answers = new ArrayList<>();
    for (JsonElement element : results) {
      JsonObject result = element.getAsJsonObject();
      String error = result.has("error") ? result.get("error").getAsString() : null;
      answers.add(
          new Answer(
              error,
              lists(result.getAsJsonArray("images")),
              lists(result.getAsJsonArray("lookups"))));
    }
    return answers;
  }

  private static List<Set<Credential>> lists(JsonArray answers) {
    List<Set<Credential>> lists = new ArrayList<>();
    for (JsonElement answer : answers) {
      JsonObject object = answer.getAsJsonObject();
      if (object.has("error")) {
        throw new IllegalStateException(
            "the oracle cannot parse image " + object.get("image") + ": " + object.get("error"));
      }
      Set<Credential> credentials = new LinkedHashSet<>();
      for (JsonElement c : object.getAsJsonArray("credentials")) {
        JsonObject credential = c.getAsJsonObject();
        credentials.add(
            new Credential(
                credential.get("username").getAsString(),
                credential.get("password").getAsString()));
      }
      lists.add(credentials);
    }
    return lists;
  }
}
