package dev.imps.controller.runtime;

import dev.imps.controller.leader.LeaderElectionSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the operator runs: what the {@code controller} command's flags say.
 *
 * @param periodicInterval how often every CR is reconciled even if nothing changed ({@code
 *     --periodic-reconcile-interval}, IMPS default 300 s)
 * @param qps sustained API writes per second ({@code --qps})
 * @param burst API writes that may go at once ({@code --burst})
 * @param workers how many CRs are reconciled at the same time
 * @param writeThreads how many writes of one reconciliation run in parallel
 * @param metricsAddress where {@code /metrics}, {@code /healthz} and {@code /readyz} listen, or
 *     empty for nowhere
 * @param leaderElection the Lease to hold before writing, or empty to write at once
 * @param identity this process's name in events and the Lease
 * @param serviceAccountPatching whether CRs may patch ServiceAccounts ({@code
 *     spec.target.serviceAccounts}); without it the operator neither watches nor patches them, and
 *     needs no RBAC for them
 * @param writeMode a fixed write budget ({@code qps}, {@code burst}, {@code writeThreads}) or
 *     adaptive writes in flight ({@code --write-rate})
 */
public record OperatorSettings(
    Duration periodicInterval,
    double qps,
    int burst,
    int workers,
    int writeThreads,
    Optional<InetSocketAddress> metricsAddress,
    Optional<LeaderElectionSettings> leaderElection,
    String identity,
    boolean serviceAccountPatching,
    WriteMode writeMode) {

  /** IMPS's periodic reconcile interval, 300 s. */
  public static final Duration DEFAULT_PERIODIC_INTERVAL = Duration.ofSeconds(300);

  /** Default sustained write rate, {@value}. */
  public static final double DEFAULT_QPS = 50;

  /** Default write burst, {@value}. */
  public static final int DEFAULT_BURST = 100;

  /** Default number of CRs reconciled at once, {@value}. */
  public static final int DEFAULT_WORKERS = 2;

  /** Default parallel writes per reconciliation, {@value}. */
  public static final int DEFAULT_WRITE_THREADS = 8;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the flag that is out of range
   */
  public OperatorSettings {
    Objects.requireNonNull(periodicInterval, "periodicInterval");
    Objects.requireNonNull(metricsAddress, "metricsAddress");
    Objects.requireNonNull(leaderElection, "leaderElection");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(writeMode, "writeMode");
    if (periodicInterval.isNegative() || periodicInterval.isZero()) {
      throw new IllegalArgumentException("--periodic-reconcile-interval must be positive");
    }
    if (!(qps > 0) || Double.isInfinite(qps)) {
      throw new IllegalArgumentException("--qps must be a positive number, got " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("--burst must be at least 1, got " + burst);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    if (writeThreads < 1) {
      throw new IllegalArgumentException("--write-threads must be at least 1, got " + writeThreads);
    }
  }

  /**
   * Returns the defaults with no metrics server and no leader election, for tests and embedding.
   *
   * @param identity this process's name
   * @return the settings
   */
  public static OperatorSettings defaults(String identity) {
    return new OperatorSettings(
        DEFAULT_PERIODIC_INTERVAL,
        DEFAULT_QPS,
        DEFAULT_BURST,
        DEFAULT_WORKERS,
        DEFAULT_WRITE_THREADS,
        Optional.empty(),
        Optional.empty(),
        identity,
        true,
        WriteMode.fixed());
  }

  /**
   * Returns a copy with another fixed write budget.
   *
   * @param qps requests per second
   * @param burst requests at once above the rate
   * @return the copy
   * @throws IllegalArgumentException if a value is out of range
   */
  public OperatorSettings withWriteBudget(double qps, int burst) {
    return copy(
        draft -> {
          draft.qps = qps;
          draft.burst = burst;
        });
  }

  /**
   * Returns a copy with other thread counts.
   *
   * @param workers reconcile workers
   * @param writeThreads threads that send writes
   * @return the copy
   * @throws IllegalArgumentException if a count is below 1
   */
  public OperatorSettings withThreads(int workers, int writeThreads) {
    return copy(
        draft -> {
          draft.workers = workers;
          draft.writeThreads = writeThreads;
        });
  }

  /**
   * Returns a copy with another periodic interval.
   *
   * @param interval the interval
   * @return the copy
   */
  public OperatorSettings withPeriodicInterval(Duration interval) {
    return copy(draft -> draft.periodicInterval = interval);
  }

  /**
   * Returns a copy with a metrics address.
   *
   * @param address where to listen
   * @return the copy
   */
  public OperatorSettings withMetricsAddress(InetSocketAddress address) {
    return copy(draft -> draft.metricsAddress = Optional.of(address));
  }

  /**
   * Returns a copy that holds a Lease before writing.
   *
   * @param settings the Lease
   * @return the copy
   */
  public OperatorSettings withLeaderElection(LeaderElectionSettings settings) {
    return copy(draft -> draft.leaderElection = Optional.of(settings));
  }

  /**
   * Returns a copy with ServiceAccount patching on or off.
   *
   * @param enabled whether CRs may patch ServiceAccounts
   * @return the copy
   */
  public OperatorSettings withServiceAccountPatching(boolean enabled) {
    return copy(draft -> draft.serviceAccountPatching = enabled);
  }

  /**
   * Returns a copy with another way to pace writes.
   *
   * @param mode fixed or adaptive
   * @return the copy
   */
  public OperatorSettings withWriteMode(WriteMode mode) {
    return copy(draft -> draft.writeMode = mode);
  }

  /** Returns a copy of these settings with {@code change} made to it, validated again. */
  private OperatorSettings copy(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.settings();
  }

  /** The settings while one {@code with...} method changes a component: the one mutable form. */
  private static final class Draft {
    private Duration periodicInterval;
    private double qps;
    private int burst;
    private int workers;
    private int writeThreads;
    private Optional<InetSocketAddress> metricsAddress;
    private Optional<LeaderElectionSettings> leaderElection;
    private final String identity;
    private boolean serviceAccountPatching;
    private WriteMode writeMode;

    private Draft(OperatorSettings settings) {
      periodicInterval = settings.periodicInterval;
      qps = settings.qps;
      burst = settings.burst;
      workers = settings.workers;
      writeThreads = settings.writeThreads;
      metricsAddress = settings.metricsAddress;
      leaderElection = settings.leaderElection;
      identity = settings.identity;
      serviceAccountPatching = settings.serviceAccountPatching;
      writeMode = settings.writeMode;
    }

    private OperatorSettings settings() {
      return new OperatorSettings(
          periodicInterval,
          qps,
          burst,
          workers,
          writeThreads,
          metricsAddress,
          leaderElection,
          identity,
          serviceAccountPatching,
          writeMode);
    }
  }
}
