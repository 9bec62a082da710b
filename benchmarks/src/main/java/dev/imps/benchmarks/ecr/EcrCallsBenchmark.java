package dev.imps.benchmarks.ecr;

import dev.imps.benchmarks.report.Figure;
import dev.imps.benchmarks.report.Numbers;
import dev.imps.benchmarks.report.Summary;
import dev.imps.benchmarks.report.Target;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SecretFormats;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.docker.StaticCredentialProvider;
import dev.imps.credentials.ecr.AwsClients;
import dev.imps.credentials.ecr.EcrCredentialProvider;
import dev.imps.credentials.ecr.EcrTokenCache;
import dev.imps.testsupport.moto.MotoServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ECR calls over a simulated day: {@value #CONSUMERS} ImagePullSecrets share {@value #CREDENTIALS}
 * ECR credentials (different keys and regions) and each renders its pull secret every {@value
 * #STEP_MINUTES} minutes (the periodic reconcile interval) for 24 simulated hours, in process with
 * imps-credentials' token cache on a moved clock. Moto answers GetAuthorizationToken with tokens
 * valid 12 h from the simulated now ({@link ExpiryShiftingProxy}) and counts the calls.
 */
public final class EcrCallsBenchmark {

  /** ECR credentials (token cache keys). */
  public static final int CREDENTIALS = 3;

  /** ImagePullSecrets that use all of them. */
  public static final int CONSUMERS = 2;

  /** Minutes between renders. */
  public static final int STEP_MINUTES = 5;

  private static final Duration DAY = Duration.ofHours(24);
  private static final String[] REGIONS = {"eu-west-1", "us-east-1", "eu-west-1"};

  private final int runs;
  private final Consumer<String> progress;

  /**
   * Creates the benchmark.
   *
   * @param runs how many simulated days
   * @param progress where progress lines go
   */
  public EcrCallsBenchmark(int runs, Consumer<String> progress) {
    this.runs = runs;
    this.progress = progress;
  }

  /**
   * Simulates the days.
   *
   * @return the figure: calls per credential per 12 h token life
   * @throws IllegalStateException if moto does not start or a render fails
   */
  public List<Figure> run() {
    List<Double> perTokenLife = new ArrayList<>();
    List<Double> totals = new ArrayList<>();
    try (MotoServer moto = MotoServer.start()) {
      for (int r = 0; r < runs; r++) {
        moto.reset();
        int calls = simulateDay(moto);
        totals.add((double) calls);
        perTokenLife.add(calls / (double) CREDENTIALS / (DAY.toHours() / 12.0));
        progress.accept(
            String.format(
                "ecr run %d/%d: %d GetAuthorizationToken calls for %d credentials in 24 h",
                r + 1, runs, calls, CREDENTIALS));
      }
    }
    return List.of(
        Figure.of(
            "ecr",
            "GetAuthorizationToken calls per credential per 12 h token life",
            Summary.of(perTokenLife),
            "calls",
            Target.everyRunAtMost(2, "≤ 2"),
            CREDENTIALS
                + " credentials shared by "
                + CONSUMERS
                + " ImagePullSecrets rendering every "
                + STEP_MINUTES
                + " min for a simulated 24 h; moto counted "
                + Numbers.format(Summary.of(totals).median())
                + " calls in all (median)"));
  }

  private int simulateDay(MotoServer moto) {
    SimulatedClock clock = SimulatedClock.startingNow();
    try (ExpiryShiftingProxy proxy = ExpiryShiftingProxy.start(moto.endpoint(), clock);
        AwsClients clients =
            AwsClients.builder()
                .ecrEndpoint(proxy.endpoint())
                .stsEndpoint(proxy.endpoint())
                .callTimeout(Duration.ofSeconds(20))
                .build()) {
      EcrCredentialProvider ecr =
          EcrCredentialProvider.create(EcrTokenCache.create(clock), clients);
      List<PullSecretRenderer> consumers = new ArrayList<>();
      for (int c = 0; c < CONSUMERS; c++) {
        consumers.add(
            PullSecretRenderer.create(
                CredentialProviders.of(new StaticCredentialProvider(), ecr), clock));
      }
      List<SourceInput> sources = sources();
      for (Duration t = Duration.ZERO;
          t.compareTo(DAY) < 0;
          t = t.plusMinutes(STEP_MINUTES), clock.advance(Duration.ofMinutes(STEP_MINUTES))) {
        for (PullSecretRenderer consumer : consumers) {
          MergedConfig merged = consumer.render(sources);
          if (!merged.allOk() || merged.credentials().size() != CREDENTIALS) {
            throw new IllegalStateException(
                "rendering at simulated +" + t + " failed: " + merged.sources());
          }
        }
      }
      return moto.calls("GetAuthorizationToken");
    }
  }

  private static List<SourceInput> sources() {
    List<SourceInput> sources = new ArrayList<>();
    for (int i = 0; i < CREDENTIALS; i++) {
      sources.add(
          SourceInput.present(
              SourceSecret.of(
                  "registry-access/ecr-" + i,
                  SecretFormats.TYPE_ECR_LOGIN_CONFIG,
                  Map.of(
                      SecretFormats.KEY_ECR_ACCESS_KEY_ID,
                      bytes(String.format("AKIAIMPSBENCH%07d", i)),
                      SecretFormats.KEY_ECR_SECRET_KEY,
                      bytes("imps/bench/not-a-real-secret-key-000000" + i),
                      SecretFormats.KEY_ECR_REGION,
                      bytes(REGIONS[i]),
                      SecretFormats.KEY_ECR_ACCOUNT_ID,
                      bytes(String.format("%012d", 100000000000L + i))))));
    }
    return sources;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
