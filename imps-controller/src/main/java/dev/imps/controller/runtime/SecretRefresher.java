package dev.imps.controller.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.imps.controller.reconcile.DesiredSecret;
import dev.imps.controller.reconcile.HalfLifeRequeue;
import dev.imps.controller.reconcile.ReconcileConstants;
import dev.imps.controller.reconcile.SecretField;
import dev.imps.controller.reconcile.SecretRef;
import dev.imps.controller.reconcile.SecretSnapshot;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.MergedConfig;
import dev.imps.credentials.PullSecretRenderer;
import dev.imps.credentials.SourceInput;
import dev.imps.credentials.SourceSecret;
import dev.imps.credentials.SourceStatus;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.PatchUtils;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMPS's refresher: keeps one target secret equal to the merge of some source secrets, without a CR
 * (for example the pull secret of imps's own image, which must exist before imps runs).
 *
 * <p>Each {@link #refreshOnce()} reads the sources with a GET, renders them (a source that fails
 * keeps its last good entries), and creates or patches the target only if its bytes differ. It
 * returns when to refresh again: the interval, or half the remaining validity of the earliest
 * expiring credential if sooner; after a failure, {@link #RETRY_AFTER_FAILURE}. Secret values never
 * reach a log line. Not thread-safe; one refresher runs in one loop.
 */
public final class SecretRefresher {

  /** The wait after a failed refresh, {@value #RETRY_SECONDS} s. */
  public static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

  private static final long RETRY_SECONDS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(SecretRefresher.class);
  private static final Gson JSON = new GsonBuilder().serializeNulls().create();

  private final ApiClient client;
  private final CoreV1Api core;
  private final List<SecretRef> sources;
  private final SecretRef target;
  private final PullSecretRenderer renderer;
  private final Duration interval;
  private final Clock clock;

  /**
   * Creates a refresher.
   *
   * @param client the API client
   * @param sources the source secrets, in merge order (earlier wins per registry)
   * @param target the secret to keep
   * @param providers the credential providers
   * @param interval the longest time between refreshes
   * @param clock the clock
   */
  public SecretRefresher(
      ApiClient client,
      List<SecretRef> sources,
      SecretRef target,
      CredentialProviders providers,
      Duration interval,
      Clock clock) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("at least one --source-secret is required");
    }
    this.client = client;
    this.core = new CoreV1Api(client);
    this.sources = List.copyOf(sources);
    this.target = Objects.requireNonNull(target, "target");
    this.renderer = PullSecretRenderer.create(providers, clock);
    this.interval = interval;
    this.clock = clock;
  }

  /**
   * Parses {@code <namespace>.<name>} as IMPS's refresher flags spell a secret. A namespace has no
   * dots, so the first dot separates the two; the name may contain more.
   *
   * @param flag the flag's name, for the error message
   * @param value the value
   * @return the reference
   * @throws IllegalArgumentException if either part is missing
   */
  public static SecretRef parseRef(String flag, String value) {
    int dot = value == null ? -1 : value.indexOf('.');
    if (dot <= 0 || dot == value.length() - 1) {
      throw new IllegalArgumentException(
          flag
              + " \""
              + value
              + "\" must be <namespace>.<name>, e.g. registry-access.docker-login");
    }
    return new SecretRef(value.substring(0, dot), value.substring(dot + 1));
  }

  /**
   * Refreshes the target once.
   *
   * @return when to refresh again
   */
  public Duration refreshOnce() {
    try {
      List<SourceInput> inputs = new ArrayList<>();
      for (SecretRef source : sources) {
        inputs.add(read(source));
      }
      MergedConfig merged = renderer.render(inputs);
      for (SourceStatus status : merged.sources()) {
        if (!status.isOk()) {
          LOG.warn("source {}: {}", status.source(), status.message());
        }
      }
      // Unlike a CR's copies, the one target is never emptied because its sources are missing.
      if (!merged.isUsable() || (merged.isEmpty() && !merged.allOk())) {
        LOG.error("no usable credentials in the sources; {} left as it is", target);
        return RETRY_AFTER_FAILURE;
      }
      write(merged.dockerConfigJson());
      Duration next = nextRefresh(merged.earliestExpiry());
      return merged.allOk() ? next : min(next, RETRY_AFTER_FAILURE);
    } catch (ApiException e) {
      LOG.error("refresh of {} failed: {}", target, ApiErrors.describe(e));
      return RETRY_AFTER_FAILURE;
    }
  }

  /**
   * Refreshes until the thread is interrupted.
   *
   * @throws InterruptedException when interrupted, to stop
   */
  public void run() throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      Duration next = refreshOnce();
      LOG.debug("next refresh of {} in {} s", target, next.toSeconds());
      Thread.sleep(next.toMillis());
    }
    throw new InterruptedException();
  }

  private SourceInput read(SecretRef source) throws ApiException {
    try {
      V1Secret secret = core.readNamespacedSecret(source.name(), source.namespace()).execute();
      return SourceInput.present(
          SourceSecret.of(
              source.toString(),
              secret.getType(),
              secret.getData() == null ? Map.of() : secret.getData()));
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return SourceInput.missing(source.toString());
      }
      if (e.getCode() == 403) {
        return SourceInput.unreadable(source.toString(), ApiErrors.describe(e));
      }
      throw e;
    }
  }

  private void write(byte[] config) throws ApiException {
    DesiredSecret desired =
        DesiredSecret.unowned(
            target,
            ReconcileConstants.DOCKER_CONFIG_JSON_TYPE,
            Map.of(ReconcileConstants.DOCKER_CONFIG_JSON_KEY, config));
    Optional<SecretSnapshot> existing = readTarget();
    if (existing.isEmpty()) {
      V1Secret secret =
          client.getJSON().deserialize(JSON.toJson(desired.manifest()), V1Secret.class);
      secret.setStringData(null);
      secret.getMetadata().setManagedFields(null);
      secret.getMetadata().setFinalizers(null);
      core.createNamespacedSecret(target.namespace(), secret)
          .fieldManager(KubeClusterActions.FIELD_MANAGER)
          .execute();
      LOG.info("created {}", target);
      return;
    }
    SecretSnapshot current = existing.get();
    Set<SecretField> differences = desired.differencesFrom(current);
    if (differences.contains(SecretField.TYPE)) {
      LOG.error(
          "{} has type {}, not {}; it is left as it is (a secret's type cannot change)",
          target,
          current.type(),
          desired.type());
      return;
    }
    if (differences.isEmpty()) {
      LOG.debug("{} is up to date", target);
      return;
    }
    String json = JSON.toJson(desired.patchOver(current).body());
    PatchUtils.patch(
        V1Secret.class,
        () ->
            core.patchNamespacedSecret(target.name(), target.namespace(), new V1Patch(json))
                .fieldManager(KubeClusterActions.FIELD_MANAGER)
                .buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        client);
    LOG.info("updated {}", target);
  }

  private Optional<SecretSnapshot> readTarget() throws ApiException {
    try {
      return Optional.of(
          Snapshots.secret(core.readNamespacedSecret(target.name(), target.namespace()).execute()));
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private Duration nextRefresh(Optional<Instant> expiry) {
    return HalfLifeRequeue.after(clock.instant(), expiry, interval);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
