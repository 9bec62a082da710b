package dev.imps.controller.leader;

import io.kubernetes.client.extended.leaderelection.LeaderElectionRecord;
import io.kubernetes.client.extended.leaderelection.Lock;
import io.kubernetes.client.openapi.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Lock} that reports an API server outage once: one WARN line when reading or writing the
 * Lease first fails, one INFO line when it works again, nothing in between. client-java's own
 * leader elector logs every failed read at ERROR with a stack trace (every retry period); the
 * logging setup silences that logger, so this is the one report.
 *
 * <p>Thread-safe.
 */
final class OutageReportingLock implements Lock {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final Lock delegate;
  private final Clock clock;
  private final AtomicReference<Instant> failingSince = new AtomicReference<>();

  OutageReportingLock(Lock delegate, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public LeaderElectionRecord get() throws ApiException {
    try {
      LeaderElectionRecord record = delegate.get();
      answered();
      return record;
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        answered();
      } else {
        failed("cannot read", e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode());
      }
      throw e;
    }
  }

  @Override
  public boolean create(LeaderElectionRecord record) {
    return reported(delegate.create(record));
  }

  @Override
  public boolean update(LeaderElectionRecord record) {
    return reported(delegate.update(record));
  }

  @Override
  public String identity() {
    return delegate.identity();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  /**
   * Tells whether the Lease cannot be reached right now.
   *
   * @return {@code true} between the first failure and the next success
   */
  boolean isFailing() {
    return failingSince.get() != null;
  }

  private boolean reported(boolean succeeded) {
    if (succeeded) {
      answered();
    }
    // A failed create or update is also a lost race with another replica; the next get tells
    // whether the API server is down.
    return succeeded;
  }

  private void failed(String what, String why) {
    if (failingSince.compareAndSet(null, clock.instant())) {
      LOG.warn(
          "{} lease {}: {}; keeping leadership while the renew deadline allows",
          what,
          delegate.describe(),
          why);
    }
  }

  private void answered() {
    Instant since = failingSince.getAndSet(null);
    if (since != null) {
      LOG.info(
          "lease {} reachable again after {} s",
          delegate.describe(),
          Duration.between(since, clock.instant()).toSeconds());
    }
  }
}
