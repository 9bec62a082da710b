package dev.imps.controller.leader;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.Lock;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease, so only one of several operator
 * replicas writes.
 *
 * <p>{@link #start} campaigns on a background thread; when this process becomes leader it runs
 * {@code onLeading}; if it then loses the lease it runs {@code onLost} once. client-java cannot
 * restart a stopped controller, so the operator's {@code onLost} ends the process with a non-zero
 * status and Kubernetes restarts the pod, which campaigns again.
 *
 * <p>The {@link LeaseLock} is given the {@link ApiClient} explicitly (its short constructor uses
 * client-java's global default client).
 */
public final class LeaderElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final LeaderElector elector;
  private final LeaderElectionSettings settings;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private Thread thread;

  /**
   * Prepares the election.
   *
   * @param client the API client for the Lease
   * @param settings lease name, namespace, identity and timings
   */
  public LeaderElection(ApiClient client, LeaderElectionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Lock lock =
        new OutageReportingLock(
            new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity(), client),
            Clock.systemUTC());
    LeaderElectionConfig config =
        new LeaderElectionConfig(
            lock, settings.leaseDuration(), settings.renewDeadline(), settings.retryPeriod());
    // Failed reads are reported once per outage by the lock; other errors (a failed update's
    // conflict) are routine while several replicas campaign.
    this.elector =
        new LeaderElector(
            config,
            error ->
                LOG.debug(
                    "cannot acquire or renew lease {}/{}: {}",
                    settings.namespace(),
                    settings.leaseName(),
                    error.toString()));
  }

  /**
   * Starts campaigning on a daemon thread.
   *
   * @param onLeading runs once this process holds the lease
   * @param onLost runs once if the lease is lost after it was held (not after {@link #close()})
   */
  public synchronized void start(Runnable onLeading, Runnable onLost) {
    if (thread != null) {
      throw new IllegalStateException("leader election already started");
    }
    thread =
        new Thread(
            () ->
                elector.run(
                    () -> {
                      leading.set(true);
                      LOG.info(
                          "became leader as {} on lease {}/{}",
                          settings.identity(),
                          settings.namespace(),
                          settings.leaseName());
                      onLeading.run();
                    },
                    () -> {
                      boolean wasLeading = leading.getAndSet(false);
                      if (!closing.get() && wasLeading) {
                        LOG.error(
                            "lost lease {}/{} as {}",
                            settings.namespace(),
                            settings.leaseName(),
                            settings.identity());
                        onLost.run();
                      }
                    },
                    leader -> LOG.info("leader is now {}", leader)),
            "imps-leader-election");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Tells whether this process holds the lease.
   *
   * @return true while leading
   */
  public boolean isLeading() {
    return leading.get();
  }

  /** Stops campaigning and, if leading, releases the lease so another replica takes over fast. */
  @Override
  public void close() {
    closing.set(true);
    elector.close();
  }
}
